// The checker is total: any exchange, however malformed (what negative tests send and what a
// broken server answers), gets a result with violations, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractChecker, type Exchange } from '../../src/contract/check-exchange.ts';
import { loadDescription } from '../../src/contract/description.ts';

const BASE = 'http://127.0.0.1:4000/easemob-demo/chatdemoui';
const checker = new ContractChecker(loadDescription(), BASE);
const user = { uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4', type: 'user', created: 1, modified: 1, username: 'jliu', activated: true };
const ok = (path: string, body: Exchange['body'], headers: Exchange['headers'] = { 'content-type': 'application/json' }): Exchange => ({
  method: 'GET',
  url: `${BASE}${path}`,
  status: 200,
  headers,
  body,
});

describe('the contract checker', () => {
  it('matches a path with malformed percent-encoding and checks its answer, without throwing', () => {
    const result = checker.check({ method: 'GET', url: `${BASE}/users/%E0%A4%A`, status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"service_resource_not_found","error_description":"x"}' });
    expect(result.operationId).toBe('getUser');
    expect(result.violations).toEqual([]);
    const broken = checker.check({ method: 'GET', url: `${BASE}/users/%zz`, status: 500, headers: {}, body: 'oops' });
    expect(broken.operationId).toBe('getUser');
    expect(broken.violations.length).toBeGreaterThan(0);
  });

  it('reports a URL that does not parse, bad header names and bytes that are not UTF-8 as violations', () => {
    expect(checker.check({ ...ok('/users/jliu', ''), url: 'not a url' }).violations[0]!.reason).toMatch(/URL cannot be parsed/);
    expect(checker.check(ok('/users/jliu', '{}', { 'bad header': 'x' })).violations[0]!.reason).toMatch(/not valid HTTP header/);
    expect(checker.check(ok('/users/jliu', new Uint8Array([0x7b, 0xff, 0x7d]))).violations[0]!.reason).toMatch(/not valid UTF-8/);
    const bytes = new TextEncoder().encode(JSON.stringify({ action: 'get', entities: [user] }));
    expect(checker.check(ok('/users/jliu', bytes)).violations).toEqual([]);
  });

  it('never throws, whatever the method, URL, status, headers and body', () => {
    const segment = fc.oneof(fc.string(), fc.constantFrom('users', '%', '%zz', '%E0%A4%A', '%00', '..', 'contacts', 'blocks', 'status'));
    const exchange = fc.record({
      method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'get'), fc.string()),
      url: fc.oneof(
        fc.array(segment, { maxLength: 6 }).map((parts) => `${BASE}/${parts.join('/')}`),
        fc.string(),
        fc.webUrl(),
      ),
      status: fc.oneof(fc.constantFrom(200, 400, 401, 404, 429, 500, 503), fc.integer({ min: -1, max: 1000 })),
      headers: fc.dictionary(fc.oneof(fc.constantFrom('content-type', 'retry-after'), fc.string()), fc.string(), { maxKeys: 3 }),
      body: fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 }), fc.json(), fc.constant('{"action":"get","entities":[')),
    });
    fc.assert(
      fc.property(exchange, (e) => {
        const result = checker.check(e);
        expect(Array.isArray(result.violations)).toBe(true);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
