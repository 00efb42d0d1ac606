// Contacts and block lists: add → list → remove, and 404 for users that do not exist.
import { expect } from '../suite/expect.ts';
import { NO_SUCH_USER, collect, type Scenario } from '../suite/suite.ts';

export function relationScenarios(): Scenario[] {
  return collect((scenario) => {
    scenario('contacts: add → list → remove → list', async (suite) => {
      const { api } = suite;
      const [owner, friend] = [api.username('owner'), api.username('friend')];
      await api.createUsers(owner, friend);
      const added = await api.call('POST', `/users/${owner}/contacts/users/${friend}`);
      expect(added.status).toBe(200);
      expect(added.body.entities[0].username).toBe(friend);
      expect((await api.call('GET', `/users/${owner}/contacts/users`)).body.data).toEqual([friend]);
      expect((await api.call('DELETE', `/users/${owner}/contacts/users/${friend}`)).status).toBe(200);
      expect((await api.call('GET', `/users/${owner}/contacts/users`)).body.data).toEqual([]);
      expect((await api.call('POST', `/users/${owner}/contacts/users/${NO_SUCH_USER}`)).status).toBe(404);
    });

    scenario('blocks: add → list → remove → list', async (suite) => {
      const { api } = suite;
      const [owner, a, b] = [api.username('blocker'), api.username('blocked'), api.username('blocked')];
      await api.createUsers(owner, a, b);
      const added = await api.call('POST', `/users/${owner}/blocks/users`, { body: { usernames: [a, b] } });
      expect(added.status).toBe(200);
      expect([...added.body.data].sort()).toEqual([a, b].sort());
      expect([...(await api.call('GET', `/users/${owner}/blocks/users`)).body.data].sort()).toEqual([a, b].sort());
      const removed = await api.call('DELETE', `/users/${owner}/blocks/users/${a}`);
      expect(removed.status).toBe(200);
      expect(removed.body.entities[0].username).toBe(a);
      expect((await api.call('GET', `/users/${owner}/blocks/users`)).body.data).toEqual([b]);
      expect((await api.call('POST', `/users/${owner}/blocks/users`, { body: { usernames: [NO_SUCH_USER] } })).status).toBe(404);
    });
  });
}
