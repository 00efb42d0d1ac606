// Registration and the user lifecycle: create → get → list every page → change → delete → 404.
import { expect } from '../suite/expect.ts';
import { control } from '../suite/api.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function userScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('create → get (any letter case) → update → delete → get is 404', async (suite) => {
      const { api } = suite;
      const name = api.username('Life');
      await api.createUsers(name);

      const got = await api.call('GET', `/users/${name.toLowerCase()}`);
      expect(got.status).toBe(200);
      expect(got.body.entities[0].username).toBe(name); // stored as registered
      expect(JSON.stringify(got.body)).not.toMatch(/Passw0rd/);

      const renamed = await api.call('PUT', `/users/${name}`, { body: { nickname: '建国' } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.entities[0].nickname).toBe('建国');

      expect((await api.call('PUT', `/users/${name}/password`, { body: { newpassword: 'N3w-passw0rd' } })).status).toBe(200);

      const deleted = await api.call('DELETE', `/users/${name}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body.entities[0].username).toBe(name);
      api.created.delete(name);

      const gone = await api.call('GET', `/users/${name}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error).toBe('service_resource_not_found');
    });

    scenario('list: pages chain by cursor, no user twice, the last page has no cursor', async (suite) => {
      const { api } = suite;
      const names = [api.username('page'), api.username('page'), api.username('page'), api.username('page'), api.username('page')];
      await api.createUsers(...names);
      const seen: string[] = [];
      let cursor: string | undefined;
      // A live app may hold millions of users: walk at most 50 pages there.
      const maxPages = kind === 'remote' ? 50 : 10_000;
      for (let page = 0; page < maxPages; page++) {
        const answer = await api.call('GET', '/users', { query: { limit: kind === 'remote' ? 100 : 3, ...(cursor && { cursor }) } });
        expect(answer.status).toBe(200);
        seen.push(...answer.body.entities.map((user: { username: string }) => user.username));
        cursor = answer.body.cursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      if (kind !== 'remote') {
        expect(cursor).toBeUndefined();
        for (const name of names) expect(seen).toContain(name);
      }
    });

    scenario('a batch registers the new users and lists the taken one in data', async (suite) => {
      const { api } = suite;
      const [taken, fresh] = [api.username('taken'), api.username('fresh')];
      await api.createUsers(taken);
      const answer = await api.call('POST', '/users', {
        body: [
          { username: fresh, password: 'Passw0rd-ct' },
          { username: taken.toUpperCase(), password: 'Passw0rd-ct' },
        ],
      });
      if (answer.status === 200) {
        // Later versions: the rest is created, the failure listed.
        api.created.add(fresh);
        expect(answer.body.entities.map((u: { username: string }) => u.username)).toEqual([fresh]);
        expect(answer.body.data).toHaveLength(1);
        expect(answer.body.data[0]).toMatchObject({ username: taken.toUpperCase() });
      } else {
        // The 2015 service refuses the whole batch.
        expect(answer.status).toBe(400);
        expect(answer.body.error).toBe('duplicate_unique_property_exists');
      }
    });

    scenario('a username taken in another letter case answers 400 duplicate_unique_property_exists', async (suite) => {
      const { api } = suite;
      const name = api.username('dup');
      await api.createUsers(name);
      const answer = await api.call('POST', '/users', { body: { username: name.toUpperCase(), password: 'x' } });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('duplicate_unique_property_exists');
    });

    if (kind !== 'proxy') {
      scenario('registration rules answer 400 illegal_argument', async (suite) => {
        const { api } = suite;
        for (const body of [{ username: 'not legal@x', password: 'p' }, { username: api.username('nopw') }, { password: 'p' }]) {
          const answer = await api.call('POST', '/users', { body });
          expect(answer.status, JSON.stringify(body)).toBe(400);
          expect(answer.body.error).toBe('illegal_argument');
        }
      });
    }

    if (kind === 'sandbox') {
      scenario('open registration takes no token; authorized registration answers 401 without one', async (suite) => {
        const { api, target } = suite;
        await control(target, 'PUT', '/registration', { open: true });
        const name = api.username('open');
        const open = await api.call('POST', '/users', { token: null, body: { username: name, password: 'p' } });
        await control(target, 'PUT', '/registration', { open: false });
        expect(open.status).toBe(200);
        api.created.add(name);
        const closed = await api.call('POST', '/users', { token: null, body: { username: api.username('closed'), password: 'p' } });
        expect(closed.status).toBe(401);
        expect(closed.body.error).toBe('unauthorized');
      });
    }
  });
}
