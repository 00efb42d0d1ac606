// Writes generated/openapi-3.0.json: the bundle (OpenAPI 3.1) converted down to OpenAPI 3.0.3,
// for the tools other teams still run that read 3.0 only: Atlassian's swagger-request-validator
// (Java contract tests), API gateways' importers, older generators. GitHub publishes its REST API
// description in both versions for the same reason. The 3.1 bundle stays the source; this file is
// written from it by @apiture/openapi-down-convert, run by scripts/build.ts after the bundle.
//
// What 3.0 cannot say, and how it is said instead (docs/generators.md lists it for readers):
//   const: x                  → enum: [x]
//   type: [T, 'null']         → type: T, nullable: true
//   examples: [a, …] (schema) → example: a
//   propertyNames             dropped: 3.0 cannot constrain a map's keys (the usernames of
//                             getStatus' `data`, the keys of user attributes); the descriptions
//                             still say what the keys are
//   license.identifier        dropped (3.0's License Object has `name` and `url` only)
// and one thing the converter leaves that 3.0 forbids: `info.summary` (added in 3.1), dropped.
import { readFileSync, writeFileSync } from 'node:fs';
import { Converter } from '@apiture/openapi-down-convert';

type Json = Record<string, unknown>;

export function toOpenApi30(bundle: Json): Json {
  // The converter works on its own deep copy: the bundle passed in is left as it is.
  const converted = new Converter(bundle, { verbose: false }).convert() as Json;
  const { summary: _summary, ...info } = converted.info as Json;
  return { ...converted, info };
}

export function writeOpenApi30(bundle = 'generated/openapi.json', output = 'generated/openapi-3.0.json'): void {
  const converted = toOpenApi30(JSON.parse(readFileSync(bundle, 'utf8')) as Json);
  writeFileSync(output, `${JSON.stringify(converted, null, 2)}\n`);
}
