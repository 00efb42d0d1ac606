// POST /mutes, GET /mutes/{username}, GET /mutes: global mutes that end on the sandbox clock,
// and the console switch (control API) that turns the feature off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
let now = 1_700_000_000_000;

beforeAll(async () => {
  t = await startTestSandbox({ now: () => now });
  await t.register('zs1', 'zs2', 'quiet');
});
afterAll(() => t.sandbox.close());

const muteOf = async (name: string) => (await t.api('GET', `/mutes/${name}`)).body.data;

describe('global mute', () => {
  it('mutes per kind, counts down on the sandbox clock, and ends by itself', async () => {
    const set = await t.api('POST', '/mutes', { json: { username: 'ZS1', chat: 100, groupchat: -1 } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ action: 'post', path: '/mutes', data: { result: 'ok' } });
    expect(await muteOf('zs1')).toEqual({ userid: 'easemob-demo#chatdemoui_zs1', chat: 100, groupchat: -1, chatroom: 0, unixtime: Math.floor(now / 1000) });
    now += 40_500;
    expect((await muteOf('zs1')).chat).toBe(60);
    now += 60_000;
    expect(await muteOf('zs1')).toMatchObject({ chat: 0, groupchat: -1, chatroom: 0 });
  });

  it('leaves kinds not sent alone, lifts with 0, and accepts a body with no kinds', async () => {
    await t.api('POST', '/mutes', { json: { username: 'zs2', chatroom: 30 } });
    await t.api('POST', '/mutes', { json: { username: 'zs2', chat: 10 } });
    expect(await muteOf('zs2')).toMatchObject({ chat: 10, groupchat: 0, chatroom: 30 });
    await t.api('POST', '/mutes', { json: { username: 'zs2', chatroom: 0 } });
    expect(await muteOf('zs2')).toMatchObject({ chat: 10, chatroom: 0 });
    expect((await t.api('POST', '/mutes', { json: { username: 'zs2' } })).status).toBe(200);
    expect(await muteOf('zs2')).toMatchObject({ chat: 10, chatroom: 0 });
  });

  it('lists the mutes in force, one entry per user and kind, a page at a time', async () => {
    const all = await t.api('GET', '/mutes');
    expect(all.status, all.text).toBe(200);
    expect(all.body.data.data).toEqual([{ username: 'zs1', groupchat: -1 }, { username: 'zs2', chat: 10 }]);
    expect(all.body.data.unixtime).toBe(Math.floor(now / 1000));
    expect((await t.api('GET', '/mutes?pageNum=2&pageSize=1')).body.data.data).toEqual([{ username: 'zs2', chat: 10 }]);
    expect((await t.api('GET', '/mutes?pageNum=3&pageSize=1')).body.data.data).toEqual([]);
    now += 11_000;
    expect((await t.api('GET', '/mutes')).body.data.data).toEqual([{ username: 'zs1', groupchat: -1 }]);
  });

  it('refuses bad durations and unknown users (the page\'s 400), changing nothing', async () => {
    for (const chat of [-2, 2147483648, 1.5, '10', null]) {
      expectError(await t.api('POST', '/mutes', { json: { username: 'quiet', chat } }), 400, 'illegal_argument');
    }
    expectError(await t.api('POST', '/mutes', { json: { chat: 10 } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/mutes', { json: { username: 'nobody', chat: 10 } }), 400, 'required_property_not_found', 'Entity user requires a property named username');
    expectError(await t.api('GET', '/mutes/nobody'), 404, 'service_resource_not_found');
    for (const query of ['pageNum=0', 'pageSize=51', 'pageSize=x']) expectError(await t.api('GET', `/mutes?${query}`), 400, 'illegal_argument');
    expect(await muteOf('quiet')).toMatchObject({ chat: 0, groupchat: 0, chatroom: 0 });
  });

  it('answers 403 forbidden_op on every /mutes operation while the app has the feature off', async () => {
    expect((await t.control('PUT', '/easemob-demo/chatdemoui/global_mute', { enabled: false })).status).toBe(200);
    expectError(await t.api('POST', '/mutes', { json: { username: 'quiet', chat: 10 } }), 403, 'forbidden_op', 'user_mute is not used for this app');
    expectError(await t.api('GET', '/mutes/quiet'), 403, 'forbidden_op');
    expectError(await t.api('GET', '/mutes'), 403, 'forbidden_op');
    expect((await t.control('PUT', '/easemob-demo/chatdemoui/global_mute', { enabled: 'no' })).status).toBe(400);
    await t.control('PUT', '/easemob-demo/chatdemoui/global_mute', { enabled: true });
    expect(await muteOf('quiet')).toMatchObject({ chat: 0 });
  });
});
