// POST /users/batch/status (getUsersStatus): this run's users and one name nobody has, in one
// call; over 100 names is refused. Reads only: safe against a live app.
import { expect } from '../suite/expect.ts';
import { control } from '../suite/api.ts';
import { NO_SUCH_USER, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function usersStatusScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('status of many users: each name in order, unknown names offline, 101 names refused', async (suite) => {
      const { api, target } = suite;
      const [a, b] = [api.username('st'), api.username('st')];
      await api.createUsers(a, b);
      if (kind !== 'remote') await control(target, 'PUT', `/users/${a}/online`, { online: true });
      const answer = await api.call('POST', '/users/batch/status', { body: { usernames: [a, b, NO_SUCH_USER] } });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual([
        { [a]: kind === 'remote' ? 'offline' : 'online' },
        { [b]: 'offline' },
        { [NO_SUCH_USER]: 'offline' },
      ]);
      // Prism's proxy refuses an invalid request itself (422) before the target sees it.
      if (kind === 'proxy') return;
      const tooMany = Array.from({ length: 101 }, (_, i) => `${NO_SUCH_USER}${i}`);
      const refused = await api.call('POST', '/users/batch/status', { body: { usernames: tooMany } });
      expect([refused.status, refused.body.error]).toEqual([400, 'illegal_argument']);
    });
  });
}
