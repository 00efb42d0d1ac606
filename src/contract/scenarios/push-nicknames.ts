// PUT /push/nickname (updatePushNicknames) on this run's users: safe against a live app.
import { expect } from '../suite/expect.ts';
import { NO_SUCH_USER, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function pushNicknameScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('push nicknames: set two at once → each user shows its nickname; 51 refused', async (suite) => {
      const { api } = suite;
      const [a, b] = [api.username('pn'), api.username('pn')];
      await api.createUsers(a, b);
      const answer = await api.call('PUT', '/push/nickname', { body: [{ username: a, push_nickname: '推送昵称-1' }, { username: b, push_nickname: 'two' }] });
      expect(answer.status).toBe(200);
      expect(answer.body.entities).toEqual([{ push_nickname: '推送昵称-1', username: a }, { push_nickname: 'two', username: b }]);
      expect((await api.call('GET', `/users/${a}`)).body.entities[0].nickname).toBe('推送昵称-1');
      if (kind === 'proxy') return; // Prism refuses the invalid request itself
      const tooMany = Array.from({ length: 51 }, () => ({ username: a, push_nickname: 'x' }));
      const refused = await api.call('PUT', '/push/nickname', { body: tooMany });
      expect([refused.status, refused.body.error]).toEqual([400, 'illegal_argument']);
      expect((await api.call('GET', `/users/${a}`)).body.entities[0].nickname).toBe('推送昵称-1');
      if (kind !== 'remote') {
        // The page is silent on unknown users; the sandbox refuses the whole batch.
        const unknown = await api.call('PUT', '/push/nickname', { body: [{ username: a, push_nickname: 'y' }, { username: NO_SUCH_USER, push_nickname: 'x' }] });
        expect([unknown.status, unknown.body.error]).toEqual([404, 'service_resource_not_found']);
      }
    });
  });
}
