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

  // On the parameter, named: Swagger UI fills "Try it out" from a parameter's own examples only,
  // not from its schema's (swagger-ui issues #9045, #10121); without them every operation that
  // names a user or a message waited for the person to type it (test/generators/swagger-ui).
  const parameters = Object.entries(description.components.parameters!) as Array<[string, JsonObject]>;
  it.each(parameters)('parameter %s: named examples its schema accepts, where a value is needed', (_name, parameter) => {
    const named = Object.entries((parameter.examples ?? {}) as Record<string, JsonObject>);
    const schema = parameter.schema as JsonObject;
    // A required one cannot be sent without a value; an optional one may go without (the first
    // page, the default), and then says so with its schema's default or examples.
    if (parameter.required === true) expect(named.length).toBeGreaterThan(0);
    else if (named.length === 0) expect('default' in schema || Array.isArray(schema.examples)).toBe(true);
    const validate = validators.forSchema(schema);
    for (const [name, example] of named) {
      expect(example.summary, name).toEqual(expect.any(String));
      expect(validate(example.value), `${name}: ${validators.errorsText(validate)}`).toBe(true);
    }
    // openapi-to-postmanv2 6.4.2 (Postman's import) takes a first named example whose value is
    // falsy ('', false, 0) for the whole Example Object, and sends ?summary=…&value=….
    if (named.length > 0) expect(Boolean(named[0]![1].value), 'the first named example has a falsy value').toBe(true);
  });

  it('every operation takes its parameters from components/parameters, where the rule above holds', () => {
    const inline = Object.values(description.paths!).flatMap((item) =>
      Object.values(item as JsonObject).flatMap((operation) => ((operation as JsonObject).parameters as JsonObject[] | undefined) ?? []),
    );
    expect(inline.length).toBeGreaterThan(20);
    expect(inline.filter((p) => typeof p.$ref !== 'string' || !p.$ref.startsWith('#/components/parameters/'))).toEqual([]);
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
