// `npm run mock` serves the description with Prism. One valid request per operation, built from
// the description itself (parameter examples, the first request example, a bearer token where
// the operation is secured), must get the operation's 200 and a body that validates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, loadDescription, SchemaValidators, type JsonObject } from '../../src/contract/description.ts';
import { listOperations, type Operation } from '../../src/contract/operations.ts';
import { startPrism, type RunningPrism } from '../support/servers.ts';

const description = loadDescription();
const validators = new SchemaValidators(description);
let prism: RunningPrism;

beforeAll(async () => {
  prism = await startPrism();
});
afterAll(() => prism?.stop());

function exampleOf(parameter: JsonObject): string {
  const schema = deref<JsonObject>(description, parameter.schema);
  const value = (schema.examples as unknown[] | undefined)?.[0];
  if (value === undefined) throw new Error(`parameter ${parameter.name} has no example to send`);
  return String(value);
}

function validRequest(op: Operation): { url: string; init: RequestInit } {
  let path = op.pathTemplate;
  const query = new URLSearchParams();
  for (const raw of (op.operation.parameters ?? []) as unknown[]) {
    const parameter = deref<JsonObject>(description, raw);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(exampleOf(parameter)));
    else if (parameter.in === 'query' && parameter.required) query.set(String(parameter.name), exampleOf(parameter));
  }
  const headers: Record<string, string> = {};
  const security = op.operation.security as JsonObject[];
  if (security.some((requirement) => 'appToken' in requirement)) headers.authorization = 'Bearer YWMtmock-token';
  let body: string | undefined;
  const requestBody = op.operation.requestBody as JsonObject | undefined;
  if (requestBody) {
    const media = (requestBody.content as Record<string, JsonObject>)['application/json']!;
    const first = Object.values(media.examples as JsonObject)[0];
    body = JSON.stringify(deref<JsonObject>(description, first).value);
    headers['content-type'] = 'application/json';
  }
  const url = `${prism.baseUrl}${path}${query.size ? `?${query}` : ''}`;
  return { url, init: { method: op.method, headers, body } };
}

describe('the Prism mock', () => {
  it.each(listOperations(description).map((op) => [op.operationId, op] as const))(
    '%s answers 200 with a body that validates',
    async (_id, op) => {
      const { url, init } = validRequest(op);
      const response = await fetch(url, init);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const ok = (op.operation.responses as Record<string, JsonObject>)['200']!;
      const schema = ((ok.content as Record<string, JsonObject>)['application/json']!).schema as JsonObject;
      const validate = validators.forSchema(schema);
      expect(validate(JSON.parse(text)), validators.errorsText(validate)).toBe(true);
    },
  );

  it('refuses a secured call without a token with 401', async () => {
    const response = await fetch(`${prism.baseUrl}/users/jliu`);
    expect(response.status).toBe(401);
  });

  it('refuses a registration that breaks the username rule with 4xx', async () => {
    const response = await fetch(`${prism.baseUrl}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ username: 'not valid', password: 'p' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
