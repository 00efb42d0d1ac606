// Online status, offline messages, and the control API that drives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
const control = '/easemob-demo/chatdemoui/users';

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('StLiu', 'v3y0kf9arx');
});
afterAll(() => t.sandbox.close());

describe('getStatus and disconnectUser', () => {
  it('is offline until the control API says online; disconnect takes the user offline', async () => {
    expect((await t.api('GET', '/users/stliu/status')).body.data).toEqual({ StLiu: 'offline' });
    expect(await t.control('PUT', `${control}/stliu/online`, { online: true })).toEqual({ status: 200, body: { username: 'StLiu', online: true } });
    expect((await t.api('GET', '/users/STLIU/status')).body.data).toEqual({ StLiu: 'online' });
    const disconnected = await t.api('GET', '/users/stliu/disconnect');
    expect(disconnected.body).toMatchObject({ action: 'Disconnect user', data: { result: true } });
    expect((await t.api('GET', '/users/stliu/status')).body.data).toEqual({ StLiu: 'offline' });
    expect((await t.api('GET', '/users/stliu/disconnect')).body.data).toEqual({ result: true });
  });

  it('answers 404 for unknown users', async () => {
    expectError(await t.api('GET', '/users/nobody/status'), 404, 'service_resource_not_found');
    expectError(await t.api('GET', '/users/nobody/disconnect'), 404, 'service_resource_not_found');
    expect((await t.control('PUT', `${control}/nobody/online`, { online: true })).status).toBe(404);
    expect((await t.control('PUT', `${control}/stliu/online`, { online: 'yes' })).status).toBe(400);
  });
});

describe('offline messages', () => {
  it('takes msg_id as an opaque string: any id a client sends is answered', async () => {
    // Ids as the PHP example and later SDKs send them: digits, letters, dots, spaces, over 64 characters.
    for (const msgId of ['77225969013752296_pd7J8-20-c3104', 'a.b', 'msg id', '9'.repeat(200)]) {
      expect((await t.control('POST', `${control}/stliu/offline_messages`, { msg_id: msgId })).status).toBe(201);
      const answer = await t.api('GET', `/users/stliu/offline_msg_status/${encodeURIComponent(msgId)}`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.data).toEqual({ [msgId]: 'undelivered' });
    }
  });

  it('counts queued messages, reports their state, delivers them when the user comes online', async () => {
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_count')).body.data).toEqual({ v3y0kf9arx: 0 });
    expect((await t.control('POST', `${control}/v3y0kf9arx/offline_messages`, { msg_id: '12', delivered: false })).status).toBe(201);
    expect((await t.control('POST', `${control}/v3y0kf9arx/offline_messages`, { msg_id: 'abc-13' })).status).toBe(201);
    expect((await t.control('POST', `${control}/v3y0kf9arx/offline_messages`, { msg_id: 'old', delivered: true })).status).toBe(201);
    expect((await t.api('GET', '/users/V3Y0KF9ARX/offline_msg_count')).body.data).toEqual({ v3y0kf9arx: 2 });
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_status/12')).body.data).toEqual({ 12: 'undelivered' });
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_status/old')).body.data).toEqual({ old: 'delivered' });
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_status/never-sent')).body.data).toEqual({ 'never-sent': 'delivered' });
    await t.control('PUT', `${control}/v3y0kf9arx/online`, { online: true });
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_count')).body.data).toEqual({ v3y0kf9arx: 0 });
    expect((await t.api('GET', '/users/v3y0kf9arx/offline_msg_status/12')).body.data).toEqual({ 12: 'delivered' });
  });

  it('answers 404 for unknown users, 400 for message ids with control characters or over 1024 characters', async () => {
    expectError(await t.api('GET', '/users/nobody/offline_msg_count'), 404, 'service_resource_not_found');
    expectError(await t.api('GET', '/users/nobody/offline_msg_status/12'), 404, 'service_resource_not_found');
    expectError(await t.api('GET', `/users/stliu/offline_msg_status/${'9'.repeat(1025)}`), 400, 'illegal_argument');
    expectError(await t.api('GET', '/users/stliu/offline_msg_status/a%01b'), 400, 'illegal_argument');
    expect((await t.control('POST', `${control}/stliu/offline_messages`, { msg_id: 'a\u0001b' })).status).toBe(400);
    expect((await t.control('POST', `${control}/nobody/offline_messages`, { msg_id: '1' })).status).toBe(404);
  });
});
