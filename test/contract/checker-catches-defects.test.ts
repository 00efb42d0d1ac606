// The contract checks are only worth something if they fail on a wrong server. This one answers
// each operation with a different defect; every defect must be reported, and its one correct
// answer must pass.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractChecker, formatViolation } from '../../src/contract/check-exchange.ts';
import { contractFetch } from '../../src/contract/contract-fetch.ts';
import { Coverage } from '../../src/contract/coverage.ts';
import { loadDescription } from '../../src/contract/description.ts';

const user = { uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4', type: 'user', created: 1, modified: 1, username: 'jliu', activated: true };
const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  [status, { 'content-type': 'application/json', ...extra }, JSON.stringify(body)] as const;

// path → [status, headers, body]
const answers: Record<string, readonly [number, Record<string, string>, string]> = {
  'GET /easemob-demo/chatdemoui/users/good': json(200, { action: 'get', entities: [user] }),
  'GET /easemob-demo/chatdemoui/users/teapot': json(418, { error: 'teapot', error_description: 'no' }),
  'GET /easemob-demo/chatdemoui/users/nouuid': json(200, { action: 'get', entities: [{ ...user, uuid: undefined }] }),
  'GET /easemob-demo/chatdemoui/users/badcase': json(200, { action: 'get', entities: [{ ...user, activated: 'yes' }] }),
  'GET /easemob-demo/chatdemoui/users/html': [200, { 'content-type': 'text/html' }, '<h1>hi</h1>'],
  'GET /easemob-demo/chatdemoui/users/broken': [200, { 'content-type': 'application/json' }, '{"action": "get",'],
  'GET /easemob-demo/chatdemoui/users/noerror/status': json(404, { message: 'not found' }),
  'GET /easemob-demo/chatdemoui/users/x/status': json(200, { data: { x: 'away' } }),
  'DELETE /easemob-demo/chatdemoui/users/x/status': json(200, {}),
  'GET /easemob-demo/chatdemoui/users/busy': json(503, { error: 'reach_limit', error_description: 'x' }, { 'retry-after': 'soon' }),
  'GET /easemob-demo/chatdemoui/users/crash': json(502, { error: 'bad_gateway', error_description: 'upstream' }),
};

let server: Server;
let baseUrl: string;
const description = loadDescription();

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers[`${req.method} ${req.url}`] ?? json(404, { error: 'service_resource_not_found', error_description: 'x' });
    res.writeHead(answer[0], answer[1]).end(answer[2]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/easemob-demo/chatdemoui`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function violationsFor(method: string, path: string) {
  const coverage = new Coverage(description);
  const checked = contractFetch(new ContractChecker(description, baseUrl), coverage);
  await checked.fetch(`${baseUrl}${path}`, { method });
  return { violations: checked.violations, coverage };
}

describe('the contract checks against a deliberately wrong server', () => {
  it('pass a correct answer and count it', async () => {
    const { violations, coverage } = await violationsFor('GET', '/users/good');
    expect(violations.map(formatViolation)).toEqual([]);
    expect(coverage.seen('getUser', 200)).toBe(1);
  });

  it('report an undocumented status', async () => {
    const { violations } = await violationsFor('GET', '/users/teapot');
    expect(violations).toEqual([{ operation: 'getUser', status: 418, pointer: '', reason: 'status 418 is not documented for getUser' }]);
  });

  it('report a missing required field with its JSON pointer', async () => {
    const { violations } = await violationsFor('GET', '/users/nouuid');
    expect(violations).toContainEqual(expect.objectContaining({ operation: 'getUser', status: 200, pointer: '/entities/0' }));
    expect(violations[0]!.reason).toMatch(/uuid/);
  });

  it('report a field of the wrong type', async () => {
    const { violations } = await violationsFor('GET', '/users/badcase');
    expect(violations).toContainEqual(expect.objectContaining({ pointer: '/entities/0/activated', reason: expect.stringMatching(/boolean/) }));
  });

  it('report an undocumented content type and a body that is not JSON', async () => {
    expect((await violationsFor('GET', '/users/html')).violations[0]!.reason).toMatch(/content type "text\/html"/);
    expect((await violationsFor('GET', '/users/broken')).violations[0]!.reason).toMatch(/not valid JSON/);
  });

  it('report an error answer that is not in the error-body format', async () => {
    const { violations } = await violationsFor('GET', '/users/noerror/status');
    expect(violations.map((v) => v.reason).join('\n')).toMatch(/error/);
    expect(violations.every((v) => v.operation === 'getStatus' && v.status === 404)).toBe(true);
  });

  it('report a value outside an enum, inside a map', async () => {
    const { violations } = await violationsFor('GET', '/users/x/status');
    expect(violations).toContainEqual(expect.objectContaining({ pointer: '/data/x', reason: expect.stringMatching(/allowed values/) }));
  });

  it('report a documented header whose value breaks its schema', async () => {
    const { violations } = await violationsFor('GET', '/users/busy');
    expect(violations).toEqual([expect.objectContaining({ operation: 'getUser', status: 503, reason: expect.stringMatching(/^header Retry-After: "soon"/) })]);
  });

  it('report a request that matches no operation', async () => {
    const { violations } = await violationsFor('DELETE', '/users/x/status');
    expect(violations).toEqual([expect.objectContaining({ operation: 'DELETE /users/x/status', reason: expect.stringMatching(/no operation/) })]);
  });

  it('accept an undocumented server error through `default`, but still check its body', async () => {
    const { violations, coverage } = await violationsFor('GET', '/users/crash');
    expect(violations).toEqual([]);
    expect(coverage.seen('getUser', 502)).toBe(1);
  });

  it('list in the coverage table what was and was not exercised', async () => {
    const { coverage } = await violationsFor('GET', '/users/good');
    expect(coverage.missingSuccess()).toContain('createUsers');
    expect(coverage.missingSuccess()).not.toContain('getUser');
    expect(coverage.table()).toMatch(/^getUser\s+1\s/m);
  });
});
