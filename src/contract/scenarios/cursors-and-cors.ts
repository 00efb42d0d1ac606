// The cursor rules (empty or undecodable → the first page) and CORS on API answers. A preflight
// is not an operation of the description, so CORS is checked with plain fetch, outside the
// contract checks; Prism's proxy answers CORS itself, so that check is not run through it.
import { expect } from '../suite/expect.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

const ORIGIN = 'https://web-app.example.test';

export function cursorAndCorsScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('listUsers: an empty cursor (cursor=) serves the first page', async (suite) => {
      const { api } = suite;
      await api.createUsers(api.username('cur'), api.username('cur'));
      const first = await api.call('GET', '/users', { query: { limit: 2 } });
      const empty = await api.call('GET', '/users', { query: { limit: 2, cursor: '' } });
      expect(empty.status).toBe(200);
      expect(empty.body.entities.map((u: { uuid: string }) => u.uuid)).toEqual(first.body.entities.map((u: { uuid: string }) => u.uuid));
    });

    if (kind === 'proxy') return;

    scenario('CORS: a preflight on an API path answers 200, echoing the origin; answers carry the origin too', async (suite) => {
      const { api, target } = suite;
      const preflight = await fetch(`${target.baseUrl}/token`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      const answer = await fetch(`${target.baseUrl}/users/${api.username('nobody')}`, { headers: { origin: ORIGIN, authorization: `Bearer ${await api.token()}` } });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    });
  });
}
