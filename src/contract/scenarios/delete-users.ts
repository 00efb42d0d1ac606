// DELETE /users?limit=N deletes N users the caller does not choose: only against the sandbox,
// or a live app whose team set EASEMOB_ALLOW_DESTRUCTIVE=1.
import { expect } from '../suite/expect.ts';
import { collect, type Scenario } from '../suite/suite.ts';

export function deleteUsersScenarios(): Scenario[] {
  return collect((scenario) => {
    scenario('deleteUsers: deletes limit users, returns them, and a cursor while more remain', async (suite) => {
      const { api } = suite;
      await api.createUsers(api.username('bulk'), api.username('bulk'), api.username('bulk'));
      const answer = await api.call('DELETE', '/users', { query: { limit: 2 } });
      expect(answer.status).toBe(200);
      const deleted: string[] = answer.body.entities.map((u: { username: string }) => u.username);
      expect(deleted).toHaveLength(2);
      expect(typeof answer.body.cursor).toBe('string'); // at least one of ours remains
      for (const name of deleted) {
        api.created.delete(name);
        expect((await api.call('GET', `/users/${name}`)).status).toBe(404);
      }
    });
  });
}
