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
});
