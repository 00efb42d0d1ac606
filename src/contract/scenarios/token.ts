// The app token: client credentials give one; a wrong secret and a body that is not JSON do not.
import { expect } from '../suite/expect.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function tokenScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('getToken: client credentials give a token with expires_in in seconds', async (suite) => {
      const { api, target } = suite;
      const answer = await api.call('POST', '/token', {
        token: null,
        body: { grant_type: 'client_credentials', client_id: target.clientId, client_secret: target.clientSecret },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.expires_in).toBeGreaterThan(0);
      expect(JSON.stringify(answer.body)).not.toContain(target.clientSecret);
    });

    scenario('getToken: a wrong secret answers 400 invalid_grant', async (suite) => {
      const { api, target } = suite;
      const answer = await api.call('POST', '/token', {
        token: null,
        body: { grant_type: 'client_credentials', client_id: target.clientId, client_secret: `${target.clientSecret}x` },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_grant');
    });

    if (kind !== 'proxy') {
      scenario('getToken: a body that is not JSON answers 400 json_parse', async (suite) => {
        const answer = await suite.api.call('POST', '/token', { token: null, rawBody: '{"grant_type": "client_credentials",' });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toBe('json_parse');
      });
    }
  });
}
