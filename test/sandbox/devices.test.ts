// GET /users/{u}/resources (listUserDevices) and DELETE /users/{u}/disconnect/{res}
// (disconnectDevice), with the control API that signs users in on devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
const control = '/easemob-demo/chatdemoui/users';

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('Dora', 'eve', 'frank');
});
afterAll(() => t.sandbox.close());

const devicesOf = async (name: string) => (await t.api('GET', `/users/${name}/resources`)).body.data;

describe('listUserDevices and disconnectDevice', () => {
  it('lists the devices the control API connects; signing out of one keeps the others', async () => {
    expect(await devicesOf('dora')).toEqual([]);
    const phone = await t.control('POST', `${control}/dora/devices`, { res: 'android_1001', device_uuid: 'u-1', device_name: 'HUAWEI-P40' });
    expect(phone).toEqual({ status: 201, body: { username: 'Dora', res: 'android_1001', device_uuid: 'u-1', device_name: 'HUAWEI-P40', devices: 1 } });
    expect((await t.control('POST', `${control}/dora/devices`, { res: 'web_2002' })).status).toBe(201);
    const listed = await t.api('GET', '/users/DORA/resources');
    expect(listed.body).toMatchObject({ action: 'get', path: '/users/Dora/resources' });
    expect(listed.body.data).toEqual([
      { res: 'android_1001', device_uuid: 'u-1', device_name: 'HUAWEI-P40' },
      { res: 'web_2002', device_uuid: expect.any(String), device_name: 'sandbox-web' },
    ]);
    expect((await t.api('GET', '/users/dora/status')).body.data).toEqual({ Dora: 'online' });

    const off = await t.api('DELETE', '/users/dora/disconnect/android_1001');
    expect(off.body).toMatchObject({ action: 'delete', data: { result: true } });
    expect(await devicesOf('dora')).toEqual([expect.objectContaining({ res: 'web_2002' })]);
    expect((await t.api('GET', '/users/dora/status')).body.data).toEqual({ Dora: 'online' });

    await t.api('DELETE', '/users/dora/disconnect/web_2002');
    expect(await devicesOf('dora')).toEqual([]);
    expect((await t.api('GET', '/users/dora/status')).body.data).toEqual({ Dora: 'offline' });
  });

  it('forgets every device when the user goes offline any other way', async () => {
    await t.control('POST', `${control}/eve/devices`, { res: 'ios_1' });
    await t.control('POST', `${control}/eve/devices`, { res: 'android_2' });
    await t.api('GET', '/users/eve/disconnect');
    expect(await devicesOf('eve')).toEqual([]);
    await t.control('POST', `${control}/eve/devices`, { res: 'ios_3' });
    await t.api('POST', '/users/eve/deactivate');
    expect(await devicesOf('eve')).toEqual([]);
    expect((await t.control('POST', `${control}/eve/devices`, { res: 'ios_4' })).status).toBe(400);
    expect(await devicesOf('eve')).toEqual([]);
  });

  it('answers 404 for unknown users and devices, and changes nothing', async () => {
    await t.control('POST', `${control}/frank/devices`, { res: 'android_7' });
    expectError(await t.api('GET', '/users/nobody/resources'), 404, 'service_resource_not_found');
    expectError(await t.api('DELETE', '/users/nobody/disconnect/android_7'), 404, 'service_resource_not_found');
    expectError(await t.api('DELETE', '/users/frank/disconnect/android_8'), 404, 'service_resource_not_found');
    expectError(await t.api('DELETE', '/users/frank/disconnect/not-a-resource'), 404, 'service_resource_not_found');
    expect(await devicesOf('frank')).toEqual([expect.objectContaining({ res: 'android_7' })]);
    expect((await t.api('GET', '/users/frank/status')).body.data).toEqual({ frank: 'online' });
  });

  it('control API: refuses bad resource ids and unknown users', async () => {
    for (const res of [undefined, '', 'android', 'Android_1', 'android_ 1', `android_${'1'.repeat(130)}`, 7]) {
      expect((await t.control('POST', `${control}/frank/devices`, { res })).status, String(res)).toBe(400);
    }
    expect((await t.control('POST', `${control}/frank/devices`, { res: 'ios_1', device_name: '' })).status).toBe(400);
    expect((await t.control('POST', `${control}/nobody/devices`, { res: 'ios_1' })).status).toBe(404);
    expect(await devicesOf('frank')).toEqual([expect.objectContaining({ res: 'android_7' })]);
  });
});
