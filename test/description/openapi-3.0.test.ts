// generated/openapi-3.0.json, the bundle converted down for tools that read OpenAPI 3.0 only
// (scripts/openapi-3.0.ts): the same API, said in 3.0's words, nothing 3.0 lacks left in it,
// and every example still valid under 3.0's reading of the schemas.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { deref, loadDescription, type Description, type JsonObject } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { mediaExamples } from './description-walk.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const bundle = loadDescription();
const converted = JSON.parse(readFileSync(new URL('../../generated/openapi-3.0.json', import.meta.url), 'utf8')) as Description;

/** Every schema object in a document, with where it is: components, parameters, media types. */
function schemasOf(document: Description): Array<[string, JsonObject]> {
  const found: Array<[string, JsonObject]> = [];
  const visit = (where: string, schema: unknown) => {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
    const node = schema as JsonObject;
    found.push([where, node]);
    for (const key of ['items', 'additionalProperties', 'propertyNames', 'not']) visit(`${where}/${key}`, node[key]);
    for (const key of ['allOf', 'oneOf', 'anyOf']) (node[key] as unknown[] | undefined)?.forEach((s, i) => visit(`${where}/${key}/${i}`, s));
    for (const [name, s] of Object.entries((node.properties ?? {}) as JsonObject)) visit(`${where}/properties/${name}`, s);
  };
  for (const [name, schema] of Object.entries(document.components.schemas ?? {})) visit(`#/components/schemas/${name}`, schema);
  for (const [name, parameter] of Object.entries(document.components.parameters ?? {})) visit(`#/components/parameters/${name}/schema`, parameter.schema);
  for (const op of listOperations(document)) {
    for (const [i, parameter] of ((op.operation.parameters ?? []) as JsonObject[]).entries()) visit(`${op.operationId} parameter ${i}`, parameter.schema);
    const bodies = [['request', op.operation.requestBody], ...Object.entries(op.operation.responses as JsonObject)] as Array<[string, unknown]>;
    for (const [status, body] of bodies) {
      for (const [type, media] of Object.entries((deref<JsonObject | undefined>(document, body)?.content ?? {}) as Record<string, JsonObject>)) {
        visit(`${op.operationId} ${status} ${type}`, media.schema);
      }
    }
  }
  return found;
}

/** What each operation is, said the same in either version: method, path, parameters, statuses, security. */
const shapeOf = (document: Description) =>
  listOperations(document).map((op) => ({
    operation: `${op.method} ${op.pathTemplate} ${op.operationId}`,
    parameters: ((op.operation.parameters ?? []) as JsonObject[]).map((p) => deref<JsonObject>(document, p)).map((p) => `${p.in} ${p.name} ${p.required === true}`),
    body: Object.keys((deref<JsonObject | undefined>(document, op.operation.requestBody)?.content ?? {}) as JsonObject),
    statuses: Object.keys(op.operation.responses as JsonObject),
    security: op.operation.security ?? document.security,
  }));

describe('generated/openapi-3.0.json', () => {
  it('is OpenAPI 3.0.3 describing the same operations, parameters, statuses and security as the bundle', () => {
    expect(converted.openapi).toBe('3.0.3');
    expect(shapeOf(converted)).toEqual(shapeOf(bundle));
    expect(converted.servers).toEqual(bundle.servers);
    expect(Object.keys(converted.components.schemas!)).toEqual(Object.keys(bundle.components.schemas!));
    expect(converted.components.examples).toEqual(bundle.components.examples);
  });

  it('keeps nothing 3.0 lacks: no info.summary, no license identifier, no 3.1-only schema keyword, no type list', () => {
    expect(converted.info).not.toHaveProperty('summary');
    expect(converted.info).not.toHaveProperty('license.identifier');
    const only31 = ['const', 'examples', 'propertyNames', '$defs', 'unevaluatedProperties', 'prefixItems', 'contentMediaType', 'contentEncoding', 'if', 'dependentRequired'];
    const left = schemasOf(converted).flatMap(([where, schema]) => [
      ...only31.filter((keyword) => keyword in schema).map((keyword) => `${where}: ${keyword}`),
      ...(Array.isArray(schema.type) ? [`${where}: type ${JSON.stringify(schema.type)}`] : []),
    ]);
    expect(left).toEqual([]);
  });

  // The bundle does use these; were it to stop, the test below would check nothing.
  const consts = schemasOf(bundle).filter(([, schema]) => 'const' in schema);
  const nullables = schemasOf(bundle).filter(([, schema]) => Array.isArray(schema.type));
  it('says each const of the bundle as a one-value enum, and each nullable type with nullable: true', () => {
    expect(consts.length).toBeGreaterThan(0);
    expect(nullables.length).toBeGreaterThan(0);
    for (const [where, schema] of consts) {
      if (!where.startsWith('#/')) continue;
      expect(deref<JsonObject>(converted, { $ref: where }).enum, where).toEqual([schema.const]);
    }
    for (const [where, schema] of nullables) {
      if (!where.startsWith('#/')) continue;
      const types = (schema.type as string[]).filter((t) => t !== 'null');
      expect(deref<JsonObject>(converted, { $ref: where }), where).toMatchObject({ type: types.length === 1 ? types[0] : types, nullable: true });
    }
  });

  // Ajv's draft-07 reading with OpenAPI 3.0's `nullable` and `example`: what the 3.0 tools do.
  const ajv = new Ajv({ allErrors: true, strictSchema: false, strictTypes: false });
  addFormats(ajv);
  ajv.addSchema(converted, 'openapi-3.0.json');
  const validatorFor = (schema: JsonObject): ValidateFunction =>
    ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi-3.0.json#/')) as JsonObject);

  it('accepts every example of the description under its 3.0 schema', () => {
    const examples = mediaExamples(converted);
    expect(examples.length).toBeGreaterThanOrEqual(60);
    const refused = examples.flatMap((example) => {
      const validate = validatorFor(example.schema);
      return validate(example.value) ? [] : [`${example.where}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(refused).toEqual([]);
  });

  it("refuses under 3.0's reading what the bundle's const refuses: a misspelt grant_type", () => {
    const validate = validatorFor({ $ref: '#/components/schemas/TokenRequest' });
    expect(validate({ grant_type: 'client_credentials', client_id: 'YXA6', client_secret: 'YXA6s' })).toBe(true);
    expect(validate({ grant_type: 'client_credential', client_id: 'YXA6', client_secret: 'YXA6s' })).toBe(false);
  });
});
