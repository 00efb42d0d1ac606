// Writes what code needs from the description at run time, read from the bundle
// (generated/openapi.json), so that nothing the description knows is copied by hand:
//
//   generated/operations.{js,d.ts}      OPERATION_IDS: `METHOD /path` → operationId
//   generated/request-limits.{js,d.ts}  REQUEST_LIMITS: the request fields' rules and the
//                                       batch and page maxima
//
// The client (error names, batch sizes), the contract checker and the import command read
// them. The sandbox keeps its own reading of the service on purpose (DESIGN.md). Run by
// scripts/build.ts after the bundle; paths are relative to the working directory.
import { readFileSync, writeFileSync } from 'node:fs';

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const HEADER = '// Written by `npm run build` (scripts/generate-runtime-tables.ts) from generated/openapi.json. Do not edit.\n';

function deref(root: Json, value: unknown): Json {
  const ref = (value as Json | undefined)?.$ref;
  if (typeof ref !== 'string') return value as Json;
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return deref(root, node);
}

/** A number or string the description must state; the build fails loudly when it does not. */
function required<T extends number | string>(value: unknown, where: string, type: 'number' | 'string'): T {
  if (typeof value !== type) throw new Error(`generate-runtime-tables: ${where} is missing from the description`);
  return value as T;
}

export function operationTable(description: Json): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [path, item] of Object.entries(description.paths as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Json | undefined;
      if (operation) table[`${method.toUpperCase()} ${path}`] = required<string>(operation.operationId, `${method} ${path} operationId`, 'string');
    }
  }
  return table;
}

export function requestLimits(description: Json) {
  const schemas = (description.components as Json).schemas as Json;
  const schema = (name: string) => deref(description, schemas[name]);
  const username = schema('Username');
  const password = schema('Password');
  const nickname = schema('Nickname');
  const blocks = deref(description, (schema('BlockRequest').properties as Json).usernames);
  const statusNames = deref(description, (schema('UsersStatusRequest').properties as Json).usernames);
  const pageLimit = deref(description, deref(description, ((description.components as Json).parameters as Json).PageLimit).schema);
  return {
    username: {
      pattern: required<string>(username.pattern, 'Username.pattern', 'string'),
      minLength: required<number>(username.minLength, 'Username.minLength', 'number'),
      // The pattern admits ASCII only, so characters and bytes are one.
      maxBytes: required<number>(username.maxLength, 'Username.maxLength', 'number'),
    },
    password: {
      minLength: required<number>(password.minLength, 'Password.minLength', 'number'),
      maxLength: required<number>(password.maxLength, 'Password.maxLength', 'number'),
    },
    nickname: { maxLength: required<number>(nickname.maxLength, 'Nickname.maxLength', 'number') },
    usersPerRequest: required<number>(schema('UserRegistrationBatch').maxItems, 'UserRegistrationBatch.maxItems', 'number'),
    blocksPerRequest: required<number>(blocks.maxItems, 'BlockRequest.usernames.maxItems', 'number'),
    usersPerPage: required<number>(pageLimit.maximum, 'PageLimit maximum', 'number'),
    statusNamesPerRequest: required<number>(statusNames.maxItems, 'UsersStatusRequest.usernames.maxItems', 'number'),
    pushNicknamesPerRequest: required<number>(schema('PushNicknameBatch').maxItems, 'PushNicknameBatch.maxItems', 'number'),
  };
}

/** A `.d.ts` type that spells the value's literals, so a caller's types know them exactly. */
function literalType(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const fields = Object.entries(value).map(([key, field]) => `${inner}readonly ${JSON.stringify(key)}: ${literalType(field, inner)};`);
  return `{\n${fields.join('\n')}\n${indent}}`;
}

function writeModule(name: string, constName: string, doc: string, value: unknown): void {
  writeFileSync(`generated/${name}.js`, `${HEADER}/** ${doc} */\nexport const ${constName} = ${JSON.stringify(value, null, 2)};\n`);
  writeFileSync(`generated/${name}.d.ts`, `${HEADER}/** ${doc} */\nexport declare const ${constName}: ${literalType(value)};\n`);
}

export function writeRuntimeTables(bundle = 'generated/openapi.json'): void {
  const description = JSON.parse(readFileSync(bundle, 'utf8')) as Json;
  writeModule('operations', 'OPERATION_IDS', 'The operationId of every operation, by `METHOD /path` (the path relative to the app base URL).', operationTable(description));
  writeModule('request-limits', 'REQUEST_LIMITS', 'What the service accepts in a request: field rules and per-request maxima.', requestLimits(description));
}
