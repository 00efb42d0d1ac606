// What other teams' generators tripped over (issue 12), held so it cannot come back. The
// generator matrix itself (npm run test:generators) is slow and needs Java, Go and Python; these
// checks are instant and run with every `npm test`.
import { describe, expect, it } from 'vitest';
import { loadDescription, type JsonObject } from '../../src/contract/description.ts';

const description = loadDescription();
const components = description.components as Record<string, JsonObject>;

/** Every string in the description, with the JSON path it sits at. */
function strings(value: unknown, path = '#'): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      { path: `${path}/${key} (key)`, text: key },
      ...strings(item, `${path}/${key}`),
    ]);
  }
  return [];
}

describe('the bundle, as generators read it', () => {
  it('gives no two components the same name, across sections', () => {
    // openapi-typescript-codegen (and others that flatten sections into one namespace) emit one
    // type per component: a parameter and a schema both called `Cursor` is a duplicate identifier.
    const sectionsByName = new Map<string, string[]>();
    for (const [section, members] of Object.entries(components)) {
      for (const name of Object.keys(members)) {
        sectionsByName.set(name, [...(sectionsByName.get(name) ?? []), section]);
      }
    }
    const shared = [...sectionsByName].filter(([, sections]) => sections.length > 1);
    expect(shared).toEqual([]);
  });

  it('names no schema after what generators derive from an operationId', () => {
    // oapi-codegen names each operation's answer wrapper `<OperationId>Response` and its query
    // struct `<OperationId>Params`: a schema `CreateUsersResponse` was declared twice in Go.
    const operationIds = Object.values(description.paths as Record<string, JsonObject>).flatMap((item) =>
      Object.values(item).flatMap((op) => (op && typeof op === 'object' && 'operationId' in op ? [String(op.operationId)] : [])),
    );
    const derived = new Set(
      operationIds.flatMap((id) => {
        const name = id[0]!.toUpperCase() + id.slice(1);
        return [`${name}Response`, `${name}Params`];
      }),
    );
    expect(operationIds.length).toBeGreaterThan(0);
    expect(Object.keys(components.schemas!).filter((name) => derived.has(name))).toEqual([]);
  });

  it('declares no property twice in an allOf: no member restates what another member (or its parents) declares', () => {
    // Swagger Codegen's Java client turns allOf into class inheritance (UserResponse extends
    // the envelope), and Gson refuses a class that declares a field its parent has: every answer
    // failed with "declares multiple JSON fields named entities" while UserResponse restated the
    // envelope's `entities` (test/generators/java/swagger-codegen).
    const schemas = components.schemas as Record<string, JsonObject>;
    const resolve = (schema: JsonObject): JsonObject => {
      const ref = schema.$ref as string | undefined;
      return ref ? resolve(schemas[ref.replace('#/components/schemas/', '')]!) : schema;
    };
    /** The properties a schema declares, its allOf members' included. */
    const declared = (schema: JsonObject): string[] => {
      const resolved = resolve(schema);
      return [...Object.keys((resolved.properties ?? {}) as JsonObject), ...((resolved.allOf ?? []) as JsonObject[]).flatMap(declared)];
    };
    const twice: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const members = (node as JsonObject).allOf as JsonObject[] | undefined;
      if (members) {
        const names = members.flatMap(declared);
        for (const name of new Set(names)) if (names.indexOf(name) !== names.lastIndexOf(name)) twice.push(`${where}: ${name}`);
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${where}/${key}`);
    };
    visit(description, '#');
    expect(twice).toEqual([]);
  });

  it('has no `${` in any text', () => {
    // openapi-zod-client puts descriptions in template literals, where `${…}` is an expression.
    const found = strings(description).filter(({ text }) => text.includes('${'));
    expect(found).toEqual([]);
  });

  it('names components and operations with plain identifiers', () => {
    // operationIds and component names become function and type names in every generator.
    const identifiers = [
      ...Object.values(components).flatMap((members) => Object.keys(members)),
      ...Object.values(description.paths as Record<string, JsonObject>).flatMap((item) =>
        Object.values(item).flatMap((op) =>
          op && typeof op === 'object' && 'operationId' in (op as JsonObject) ? [String((op as JsonObject).operationId)] : [],
        ),
      ),
    ];
    expect(identifiers.length).toBeGreaterThan(20);
    expect(identifiers.filter((name) => !/^[A-Za-z][A-Za-z0-9]*$/.test(name))).toEqual([]);
  });

  it('points every link at an operation that exists', () => {
    // Schemathesis refuses the whole stateful phase when one link names a missing operationId
    // (a link still said `updateNickname` after the operation was renamed `updateUser`).
    const operationIds = new Set(
      Object.values(description.paths as Record<string, JsonObject>).flatMap((item) =>
        Object.values(item).flatMap((op) => (op && typeof op === 'object' && 'operationId' in op ? [String(op.operationId)] : [])),
      ),
    );
    const targets = strings(description).filter(({ path }) => /\/links\/[^/]+\/operationId$/.test(path));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter(({ text }) => !operationIds.has(text))).toEqual([]);
  });

  it('has no enum whose values name the same member, unless x-enum-varnames names them', () => {
    // Generators name enum members after their values: `enum: [0, 1, '0', '1']` declared `_0`
    // twice in openapi-typescript-codegen and `NUMBER_0` twice in orval, which does not compile.
    // `x-enum-varnames` (read by both, and by openapi-generator) gives each member its own name.
    const enums: Array<{ path: string; values: unknown[]; names?: unknown }> = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (value && typeof value === 'object') {
        const node = value as JsonObject;
        if (Array.isArray(node.enum)) enums.push({ path, values: node.enum, names: node['x-enum-varnames'] });
        for (const [key, item] of Object.entries(node)) {
          if (key !== 'enum' && key !== 'examples' && key !== 'example') walk(item, `${path}/${key}`);
        }
      }
    };
    walk(description, '#');
    expect(enums.length).toBeGreaterThan(0);
    const distinct = (items: unknown[]) => new Set(items.map((v) => String(v).toLowerCase())).size === items.length;
    const colliding = enums.filter(({ values, names }) =>
      Array.isArray(names) ? names.length !== values.length || !distinct(names) : !distinct(values),
    );
    expect(colliding).toEqual([]);
  });

  it('gives a map whose values are an enum a named schema for those values', () => {
    // openapi-generator's rust client read `additionalProperties: {type: string, enum: [online,
    // offline]}` as the enum itself: getStatus's `data` became one `online`/`offline` value instead
    // of a map from username to state, and decoding every answer failed (`unknown variant`). With
    // the values a named schema ($ref), it is `HashMap<String, OnlineState>`.
    const maps: Array<{ path: string; values: JsonObject }> = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (value && typeof value === 'object') {
        const node = value as JsonObject;
        if (node.additionalProperties && typeof node.additionalProperties === 'object') maps.push({ path, values: node.additionalProperties as JsonObject });
        for (const [key, item] of Object.entries(node)) if (key !== 'examples' && key !== 'example') walk(item, `${path}/${key}`);
      }
    };
    walk(description, '#');
    expect(maps.filter(({ values }) => '$ref' in values).length).toBeGreaterThanOrEqual(2);
    expect(maps.filter(({ values }) => Array.isArray(values.enum)).map(({ path }) => path)).toEqual([]);
  });
});
