// DELETE /users takes the cursor a previous DELETE answered (Java SDK DeleteUser.next, the Node
// example's deleteUsers): it deletes the next `limit` users after it. Destructive: run where
// deleteUsersScenarios runs (the sandbox, or a live app with EASEMOB_ALLOW_DESTRUCTIVE=1).
import { expect } from '../suite/expect.ts';
import { collect, type Scenario } from '../suite/suite.ts';

export function deleteUsersCursorScenarios(): Scenario[] {
  return collect((scenario) => {
    scenario('deleteUsers: the cursor of one answer deletes the next users, none twice', async (suite) => {
      const { api } = suite;
      await api.createUsers(api.username('bulkc'), api.username('bulkc'), api.username('bulkc'));
      const first = await api.call('DELETE', '/users', { query: { limit: 1 } });
      expect(first.status).toBe(200);
      expect(typeof first.body.cursor).toBe('string');
      const next = await api.call('DELETE', '/users', { query: { limit: 1, cursor: first.body.cursor as string } });
      expect(next.status).toBe(200);
      const deleted: string[] = [...first.body.entities, ...next.body.entities].map((u: { username: string }) => u.username);
      expect(new Set(deleted).size).toBe(2);
      for (const name of deleted) api.created.delete(name);
    });
  });
}
