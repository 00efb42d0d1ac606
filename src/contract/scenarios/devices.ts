// GET /users/{u}/resources (listUserDevices) and DELETE /users/{u}/disconnect/{res}
// (disconnectDevice). Only the sandbox can sign a user in on a device (its control API plays the
// chat clients); against a live app the suite reads the empty list of a user it just created.
import { expect } from '../suite/expect.ts';
import { control } from '../suite/api.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function deviceScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('devices: connect two → list → sign out of one → list', async (suite) => {
      const { api, target } = suite;
      const name = api.username('dev');
      await api.createUsers(name);
      expect((await api.call('GET', `/users/${name}/resources`)).body.data).toEqual([]);
      if (kind === 'remote') return;
      await control(target, 'POST', `/users/${name}/devices`, { res: 'android_123423453246', device_name: 'HUAWEI-P40' });
      await control(target, 'POST', `/users/${name}/devices`, { res: 'web_1' });
      const listed = await api.call('GET', `/users/${name}/resources`);
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((d: { res: string }) => d.res)).toEqual(['android_123423453246', 'web_1']);
      const off = await api.call('DELETE', `/users/${name}/disconnect/android_123423453246`);
      expect([off.status, off.body.data]).toEqual([200, { result: true }]);
      expect((await api.call('GET', `/users/${name}/resources`)).body.data.map((d: { res: string }) => d.res)).toEqual(['web_1']);
      const again = await api.call('DELETE', `/users/${name}/disconnect/android_123423453246`);
      expect([again.status, again.body.error]).toEqual([404, 'service_resource_not_found']);
    });
  });
}
