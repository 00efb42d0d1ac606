// The negative-data generator must produce only inputs the description itself rejects;
// otherwise "the server answered 4xx" would prove nothing about the server.
import { describe, expect, it } from 'vitest';
import { deref, loadDescription, SchemaValidators, type JsonObject } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { bodyBreakers, parameterBreakers, sampleSeeded } from '../../src/contract/suite/invalid-inputs.ts';

const description = loadDescription();
const validators = new SchemaValidators(description);
// JSON bodies: the one form-encoded body (user attributes) is held by its own sandbox tests.
const withBodies = listOperations(description).filter(
  (op) => op.operation.requestBody && 'application/json' in ((op.operation.requestBody as JsonObject).content as JsonObject),
);

describe('invalid inputs generated from the request schemas', () => {
  it.each(withBodies.map((op) => [op.operationId, op] as const))('%s: every generated body is rejected by its schema', (_id, op) => {
    const media = ((op.operation.requestBody as JsonObject).content as Record<string, JsonObject>)['application/json']!;
    for (const example of Object.values(media.examples as JsonObject)) {
      const valid = deref<JsonObject>(description, example).value;
      const validate = validators.forSchema(media.schema as JsonObject);
      expect(validate(valid)).toBe(true);
      const bad = sampleSeeded(bodyBreakers(description, media.schema as JsonObject, valid), 40, 20261123);
      expect(bad.length).toBe(40);
      for (const body of bad) expect(validate(body), JSON.stringify(body).slice(0, 200)).toBe(false);
    }
  });

  it('every generated parameter value is rejected by its schema', () => {
    const parameters = Object.values(description.components.parameters!) as JsonObject[];
    for (const parameter of parameters) {
      const schema = deref<JsonObject>(description, parameter.schema);
      const validate = validators.forSchema(parameter.schema as JsonObject);
      for (const raw of sampleSeeded([parameterBreakers(description, parameter)], 30, 7)) {
        const typed = schema.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
        expect(validate(typed), `${parameter.name}=${raw}`).toBe(false);
      }
    }
  });

  it('is reproducible for a seed', () => {
    const op = withBodies.find((o) => o.operationId === 'createUsers')!;
    const media = ((op.operation.requestBody as JsonObject).content as Record<string, JsonObject>)['application/json']!;
    const arbitraries = bodyBreakers(description, media.schema as JsonObject, { username: 'jliu', password: 'p' });
    expect(sampleSeeded(arbitraries, 10, 1)).toEqual(sampleSeeded(arbitraries, 10, 1));
  });
});
