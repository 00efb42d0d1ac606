// POST /mutes, GET /mutes/{username}, GET /mutes on this run's users: safe against a live app
// with global mute enabled (each mute set here is lifted at the end). 403 needs the console
// switch: only the sandbox's control API can turn it off.
import { expect } from '../suite/expect.ts';
import { control } from '../suite/api.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function globalMuteScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('global mute: set → read → listed → lift; off answers 403', async (suite) => {
      const { api, target } = suite;
      const name = api.username('mute');
      await api.createUsers(name);
      expect((await api.call('POST', '/mutes', { body: { username: name, chat: 600, chatroom: -1 } })).status).toBe(200);
      const state = await api.call('GET', `/mutes/${name}`);
      expect(state.status).toBe(200);
      expect(state.body.data.chat).toBeGreaterThan(590);
      expect(state.body.data.chatroom).toBe(-1);
      expect(state.body.data.groupchat).toBe(0);
      const listed = await api.call('GET', '/mutes', { query: { pageNum: 1, pageSize: 50 } });
      expect(listed.status).toBe(200);
      if (kind !== 'remote') expect(listed.body.data.data).toContainEqual({ username: name, chatroom: -1 });
      expect((await api.call('POST', '/mutes', { body: { username: name, chat: 0, chatroom: 0 } })).status).toBe(200);
      expect((await api.call('GET', `/mutes/${name}`)).body.data).toMatchObject({ chat: 0, groupchat: 0, chatroom: 0 });
      if (kind === 'remote') return;
      const unknown = await api.call('POST', '/mutes', { body: { username: `${name}x`, chat: 10 } });
      expect([unknown.status, unknown.body.error]).toEqual([400, 'required_property_not_found']);
      await control(target, 'PUT', '/global_mute', { enabled: false });
      try {
        for (const [method, path, body] of [['POST', '/mutes', { username: name, chat: 10 }], ['GET', `/mutes/${name}`], ['GET', '/mutes']] as const) {
          const refused = await api.call(method, path, body ? { body } : {});
          expect([refused.status, refused.body.error]).toEqual([403, 'forbidden_op']);
        }
      } finally {
        await control(target, 'PUT', '/global_mute', { enabled: true });
      }
    });
  });
}
