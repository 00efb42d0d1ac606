// User attributes on this run's users: set (form-encoded) → get → batch get → capacity →
// delete; JSON refused with 415. Safe against a live app with user attributes enabled.
import { expect } from '../suite/expect.ts';
import { NO_SUCH_USER, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

const FORM = 'application/x-www-form-urlencoded';

export function userAttributeScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('user attributes: set → get → batch get → capacity → delete; JSON is 415', async (suite) => {
      const { api } = suite;
      const name = api.username('attr');
      await api.createUsers(name);
      const set = await api.call('PUT', `/metadata/user/${name}`, { rawBody: 'nickname=ct&ext=x', contentType: FORM });
      expect(set.status).toBe(200);
      expect(set.body.data).toEqual({ nickname: 'ct', ext: 'x' });
      expect((await api.call('GET', `/metadata/user/${name}`)).body.data).toEqual({ nickname: 'ct', ext: 'x' });
      const batch = await api.call('POST', '/metadata/user/get', { body: { targets: [name, NO_SUCH_USER], properties: ['nickname'] } });
      expect(batch.status).toBe(200);
      expect(batch.body.data[name]).toEqual({ nickname: 'ct' });
      const capacity = await api.call('GET', '/metadata/user/capacity');
      expect(capacity.status).toBe(200);
      expect(capacity.body.data).toBeGreaterThanOrEqual(10);
      if (kind !== 'proxy') {
        const json = await api.call('PUT', `/metadata/user/${name}`, { body: { nickname: 'json' } });
        expect(json.status).toBe(415);
        const tooBig = await api.call('PUT', `/metadata/user/${name}`, { rawBody: `ext=${'x'.repeat(2100)}`, contentType: FORM });
        expect([tooBig.status, tooBig.body.error]).toEqual([403, 'FORBIDDEN']);
      }
      if (kind !== 'remote') {
        const unknown = await api.call('PUT', `/metadata/user/${NO_SUCH_USER}`, { rawBody: 'a=b', contentType: FORM });
        expect(unknown.status).toBe(404);
      }
      expect((await api.call('DELETE', `/metadata/user/${name}`)).body.data).toBe(true);
      expect((await api.call('GET', `/metadata/user/${name}`)).body.data).toEqual({});
    });
  });
}
