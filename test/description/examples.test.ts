import { describe, expect, it } from 'vitest';
import { loadDescription, SchemaValidators, type JsonObject } from '../../src/contract/description.ts';
import { mediaExamples } from './description-walk.ts';

const description = loadDescription();
const validators = new SchemaValidators(description);
const examples = mediaExamples(description);

describe('examples in the description', () => {
  it('are there: every operation shows at least one', () => {
    expect(examples.length).toBeGreaterThanOrEqual(60);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s validates against its schema', (_where, example) => {
    const validate = validators.forSchema(example.schema);
    expect(validate(example.value), validators.errorsText(validate)).toBe(true);
  });

  const schemaExamples = Object.entries(description.components.schemas!).flatMap(([name, schema]) =>
    ((schema as JsonObject).examples as unknown[] | undefined ?? []).map((value) => [name, value] as const),
  );
  it.each(schemaExamples)('schema %s example %j validates', (name, value) => {
    const validate = validators.at(`#/components/schemas/${name}`);
    expect(validate(value), validators.errorsText(validate)).toBe(true);
  });
});

describe('the schemas are strict where the service is', () => {
  const registration = validators.at('#/components/schemas/CreateUsersRequest');

  it('rejects usernames outside the pattern or over 64 bytes, and empty passwords', () => {
    expect(registration({ username: 'jliu', password: '123456' })).toBe(true);
    expect(registration({ username: 'j liu', password: '123456' })).toBe(false);
    expect(registration({ username: 'stliu@apache.org', password: '123456' })).toBe(false);
    expect(registration({ username: '环信', password: '123456' })).toBe(false);
    expect(registration({ username: 'a'.repeat(65), password: '123456' })).toBe(false);
    expect(registration({ username: 'a'.repeat(64), password: '123456' })).toBe(true);
    expect(registration({ username: 'jliu', password: '' })).toBe(false);
    expect(registration({ username: 'jliu' })).toBe(false);
  });

  it('takes a batch of 1 to 60, and rejects unknown request fields', () => {
    const user = (i: number) => ({ username: `u${i}`, password: 'p' });
    expect(registration(Array.from({ length: 60 }, (_, i) => user(i)))).toBe(true);
    expect(registration(Array.from({ length: 61 }, (_, i) => user(i)))).toBe(false);
    expect(registration([])).toBe(false);
    expect(registration({ username: 'jliu', password: 'p', nickname: 'n'.repeat(101) })).toBe(false);
    expect(registration({ username: 'jliu', password: 'p', passwrod: 'typo' })).toBe(false);
  });

  it('keeps response objects open to fields the service adds later', () => {
    const user = validators.at('#/components/schemas/User');
    const entity = { uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4', type: 'user', created: 1, modified: 1, username: 'jliu', activated: true };
    expect(user({ ...entity, some_future_field: { x: 1 } })).toBe(true);
    expect(user({ ...entity, activated: 'yes' })).toBe(false);
  });
});
