// User login on POST /token (password and inherit grants) and what a user token may do. Safe
// against a live app: only users of this run log in, and they are deleted at the end.
import { expect } from '../suite/expect.ts';
import { collect, type Scenario } from '../suite/suite.ts';

export function userTokenScenarios(): Scenario[] {
  return collect((scenario) => {
    scenario('getToken password grant: a user logs in, reads its own entity, and is refused admin operations', async (suite) => {
      const { api } = suite;
      const name = api.username('login');
      await api.createUsers(name);
      const login = await api.call('POST', '/token', { token: null, body: { grant_type: 'password', username: name, password: 'Passw0rd-ct', timestamp: Date.now() } });
      expect(login.status).toBe(200);
      expect(login.body.user.username).toBe(name);
      const token = login.body.access_token as string;
      expect((await api.call('GET', `/users/${name}`, { token })).status).toBe(200);
      const admin = await api.call('GET', '/users', { token, query: { limit: 1 } });
      expect(admin.status).toBe(401);
      expect(admin.body.error).toBe('unauthorized');
    });

    // What the vendor's web SDK does with the user's token from a logged-in page (easemob-websdk
    // 4.21.1: getAllContacts, getBlocklist, fetchUserInfoById), its only token there. Against a
    // live app this holds the description's reading of user tokens to the service itself.
    scenario("a user token does what the web SDK does with it: its own contacts and block list, anyone's attributes; not another user's contacts", async (suite) => {
      const { api } = suite;
      const me = api.username('utme');
      const friend = api.username('utfr');
      await api.createUsers(me, friend);
      expect((await api.call('POST', `/users/${me}/contacts/users/${friend}`)).status).toBe(200);
      const login = await api.call('POST', '/token', { token: null, body: { grant_type: 'password', username: me, password: 'Passw0rd-ct' } });
      expect(login.status).toBe(200);
      const token = login.body.access_token as string;
      const contacts = await api.call('GET', `/users/${me}/contacts/users`, { token, query: { needReturnRemark: 'true' } });
      expect(contacts.status).toBe(200);
      expect(contacts.body.data).toEqual([friend]);
      expect(contacts.body.entities).toEqual([{ username: friend, remark: null }]);
      const blocks = await api.call('GET', `/users/${me}/blocks/users`, { token });
      expect([blocks.status, blocks.body.data]).toEqual([200, []]);
      expect((await api.call('POST', '/metadata/user/get', { token, body: { targets: [friend], properties: ['nickname'] } })).status).toBe(200);
      const others = await api.call('GET', `/users/${friend}/contacts/users`, { token });
      expect([others.status, others.body.error]).toEqual([401, 'unauthorized']);
    });

    scenario('getToken password grant: a wrong password is 400 invalid_grant, an unknown user 404', async (suite) => {
      const { api } = suite;
      const name = api.username('badpw');
      await api.createUsers(name);
      const wrong = await api.call('POST', '/token', { token: null, body: { grant_type: 'password', username: name, password: 'not-the-password' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toBe('invalid_grant');
      const unknown = await api.call('POST', '/token', { token: null, body: { grant_type: 'password', username: api.username('ghost'), password: 'x' } });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toBe('invalid_grant');
    });

    scenario('getToken inherit grant: with the app token, a token for a user; autoCreateUser registers it first', async (suite) => {
      const { api } = suite;
      const name = api.username('inh');
      const answer = await api.call('POST', '/token', { body: { grant_type: 'inherit', username: name, autoCreateUser: true } });
      expect(answer.status).toBe(200);
      api.created.add(name);
      expect(answer.body.user.username).toBe(name);
      expect((await api.call('GET', `/users/${name}`)).status).toBe(200);
    });

    scenario('getToken inherit grant: without the app token, 401', async (suite) => {
      const { api } = suite;
      const answer = await api.call('POST', '/token', { token: null, body: { grant_type: 'inherit', username: api.username('inh'), autoCreateUser: false } });
      expect(answer.status).toBe(401);
    });
  });
}
