import { OPERATION_IDS } from '../../../generated/operations.js';
import type { operations, paths } from '../../../generated/schema.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** `"GET /users/{username}"` for every operation the types declare. */
type OperationKey = {
  [P in keyof paths]: { [M in Method]: paths[P][M] extends undefined ? never : `${Uppercase<M>} ${P}` }[Method];
}[keyof paths];

// The table is generated from the bundle; this holds it against the generated types too, so
// the two generated files cannot drift apart unnoticed.
const byKey: Readonly<Record<string, string>> = OPERATION_IDS satisfies Record<OperationKey, keyof operations>;

/** The operationId for a method and an OpenAPI path template, or `METHOD /path` if unknown. */
export function operationName(method: string, schemaPath: string): string {
  const key = `${method.toUpperCase()} ${schemaPath}`;
  return byKey[key] ?? key;
}
