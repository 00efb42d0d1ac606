// Invalid inputs derived from the description's request schemas: each takes a valid value and
// breaks exactly one rule the schema states (a required field dropped, a wrong type, a pattern
// or length or range broken, too many or too few items). Unknown extra properties are NOT
// generated: the service ignores them (docs/sources.md), so they are not bad input.
import fc from 'fast-check';
import { deref, type Description, type JsonObject } from '../description.ts';

type Value = unknown;

/** A string that breaks `pattern` (the username rule): spaces, '@', '#', CJK, an empty string. */
const patternBreaker = fc.oneof(
  fc.constantFrom(' ', '@', '#', '环信', '!', '%', '+', ','),
  fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${s}@x`),
).chain((bad) => fc.tuple(fc.stringMatching(/^[a-z0-9]{0,6}$/), fc.constant(bad)).map(([ok, b]) => `${ok}${b}`));

const wrongTypeFor = (schema: JsonObject): fc.Arbitrary<Value> => {
  switch (schema.type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));
    case 'integer':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.double({ min: 0.1, max: 9.9, noInteger: true }), fc.constant(null));
    case 'array':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant({}));
    default:
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant([]));
  }
};

/** Values of this (string, integer or array) schema that break one of its own limits. */
function limitBreakers(description: Description, schema: JsonObject, valid: Value): Array<fc.Arbitrary<Value>> {
  const s = deref<JsonObject>(description, schema);
  // A schema without a type (the web SDK's `timestamp`, which the service ignores) takes any value.
  const out: Array<fc.Arbitrary<Value>> = s.type === undefined ? [] : [wrongTypeFor(s)];
  if (s.type === 'string') {
    if (typeof s.maxLength === 'number') out.push(fc.integer({ min: s.maxLength + 1, max: s.maxLength + 40 }).map((n) => 'a'.repeat(n)));
    if (typeof s.minLength === 'number' && s.minLength > 0) out.push(fc.constant(''));
    if (typeof s.pattern === 'string') out.push(patternBreaker.filter((v) => !new RegExp(s.pattern as string).test(v)));
  }
  if (s.type === 'integer') {
    if (typeof s.minimum === 'number') out.push(fc.integer({ min: (s.minimum as number) - 1000, max: (s.minimum as number) - 1 }));
    if (typeof s.maximum === 'number') out.push(fc.integer({ min: (s.maximum as number) + 1, max: (s.maximum as number) + 1000 }));
  }
  if (s.type === 'array' && Array.isArray(valid) && valid.length > 0) {
    if (typeof s.minItems === 'number' && s.minItems > 0) out.push(fc.constant([]));
    if (typeof s.maxItems === 'number') out.push(fc.constant(Array.from({ length: (s.maxItems as number) + 1 }, (_, i) => vary(valid[i % valid.length], i))));
    const item = s.items as JsonObject | undefined;
    if (item) {
      out.push(
        fc.oneof(...bodyBreakers(description, item, valid[0])).map((badItem) => [...valid.slice(1), badItem]),
      );
    }
  }
  return out;
}

/** Keeps copies of an item distinct (a batch of 61 identical users would fail for another reason). */
function vary(item: Value, i: number): Value {
  if (item && typeof item === 'object' && 'username' in item) return { ...(item as JsonObject), username: `${(item as JsonObject).username}${i}` };
  return item;
}

/** Arbitraries of bodies that break one rule of `schema`, starting from the valid `value`. */
export function bodyBreakers(description: Description, schemaRef: JsonObject, value: Value): Array<fc.Arbitrary<Value>> {
  const schema = deref<JsonObject>(description, schemaRef);
  if (schema.oneOf) {
    // CreateUsersRequest: one object or a batch; the token request: one branch per grant_type.
    // Break the branch the value is: same shape, and every `const` property equal.
    const branch = (schema.oneOf as JsonObject[]).find((b) => {
      const candidate = deref<JsonObject>(description, b);
      if ((candidate.type === 'array') !== Array.isArray(value)) return false;
      const properties = (candidate.properties ?? {}) as Record<string, JsonObject>;
      return Object.entries(properties).every(([name, property]) => !('const' in property) || (value as JsonObject)[name] === property.const);
    });
    return branch ? bodyBreakers(description, branch, value) : [];
  }
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as JsonObject;
    const out: Array<fc.Arbitrary<Value>> = [wrongTypeFor(schema)];
    for (const name of (schema.required ?? []) as string[]) {
      const { [name]: _dropped, ...rest } = object;
      out.push(fc.constant(rest));
    }
    for (const [name, propSchema] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
      if (!(name in object)) continue;
      for (const breaker of limitBreakers(description, propSchema, object[name])) {
        out.push(breaker.map((bad) => ({ ...object, [name]: bad })));
      }
    }
    return out;
  }
  return limitBreakers(description, schema, value);
}

/** Arbitraries of query/path parameter values that break the parameter's schema, as strings. */
export function parameterBreakers(description: Description, parameter: JsonObject): fc.Arbitrary<string> {
  const schema = deref<JsonObject>(description, parameter.schema);
  const s = deref<JsonObject>(description, schema);
  const arbitraries: Array<fc.Arbitrary<string>> = [];
  if (s.type === 'integer') {
    arbitraries.push(fc.constantFrom('abc', '1.5', '', '-', '0x10'));
    if (typeof s.minimum === 'number') arbitraries.push(fc.integer({ min: -1000, max: (s.minimum as number) - 1 }).map(String));
    if (typeof s.maximum === 'number') arbitraries.push(fc.integer({ min: (s.maximum as number) + 1, max: 100000 }).map(String));
  } else if (s.type === 'string') {
    if (typeof s.pattern === 'string') arbitraries.push(patternBreaker.filter((v) => !new RegExp(s.pattern as string).test(v) && !v.includes('/')));
    if (typeof s.maxLength === 'number') arbitraries.push(fc.integer({ min: (s.maxLength as number) + 1, max: (s.maxLength as number) + 40 }).map((n) => 'a'.repeat(n)));
  } else if (s.type === 'boolean') {
    arbitraries.push(fc.constantFrom('yes', 'maybe', '2', 'null'));
  }
  return fc.oneof(...arbitraries);
}

/** Draws `count` values from the arbitraries, reproducibly for a seed. */
export function sampleSeeded<T>(arbitraries: Array<fc.Arbitrary<T>>, count: number, seed: number): T[] {
  if (arbitraries.length === 0) return [];
  return fc.sample(fc.oneof(...arbitraries), { numRuns: count, seed });
}
