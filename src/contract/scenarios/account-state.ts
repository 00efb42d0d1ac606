// Deactivate → the user shows activated: false → activate; status, offline messages, disconnect.
import { expect } from '../suite/expect.ts';
import { control } from '../suite/api.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function accountScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('deactivate → get shows activated false → activate → get shows true', async (suite) => {
      const { api } = suite;
      const name = api.username('ban');
      await api.createUsers(name);
      const deactivated = await api.call('POST', `/users/${name}/deactivate`);
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.entities[0].activated).toBe(false);
      expect((await api.call('GET', `/users/${name}`)).body.entities[0].activated).toBe(false);
      expect((await api.call('POST', `/users/${name}/activate`)).status).toBe(200);
      expect((await api.call('GET', `/users/${name}`)).body.entities[0].activated).toBe(true);
    });

    scenario('status, offline message count and status, disconnect answer for the user', async (suite) => {
      const { api, target } = suite;
      const name = api.username('chat');
      await api.createUsers(name);
      const sandbox = kind !== 'remote';
      if (sandbox) {
        // The sandbox has no chat connections: its control API plays the chat clients.
        await control(target, 'POST', `/users/${name}/offline_messages`, { msg_id: '1121212' });
        await control(target, 'POST', `/users/${name}/offline_messages`, { msg_id: '1121213' });
      }
      const status = await api.call('GET', `/users/${name}/status`);
      expect(status.status).toBe(200);
      expect(status.body.data).toEqual({ [name]: 'offline' });

      const count = await api.call('GET', `/users/${name}/offline_msg_count`);
      expect(count.status).toBe(200);
      expect(count.body.data).toEqual({ [name]: sandbox ? 2 : 0 });

      const message = await api.call('GET', `/users/${name}/offline_msg_status/1121212`);
      expect(message.status).toBe(200);
      if (sandbox) {
        expect(message.body.data).toEqual({ '1121212': 'undelivered' });
        await control(target, 'PUT', `/users/${name}/online`, { online: true });
        expect((await api.call('GET', `/users/${name}/status`)).body.data).toEqual({ [name]: 'online' });
        expect((await api.call('GET', `/users/${name}/offline_msg_status/1121212`)).body.data).toEqual({ '1121212': 'delivered' });
      }
      const disconnected = await api.call('GET', `/users/${name}/disconnect`);
      expect(disconnected.status).toBe(200);
      expect(typeof disconnected.body.data.result).toBe('boolean');
      expect((await api.call('GET', `/users/${name}/status`)).body.data).toEqual({ [name]: 'offline' });
    });
  });
}
