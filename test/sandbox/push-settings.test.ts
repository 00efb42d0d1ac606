// PUT /users/{username} with the push settings the SDKs send, alone or together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('pat', 'quinn');
});
afterAll(() => t.sandbox.close());

const entity = async (username: string) => (await t.api('GET', `/users/${username}`)).body.entities[0];

describe('updateUser with push settings', () => {
  it('takes the display style alone, as a string or a number, and answers it as a number', async () => {
    const answer = await t.api('PUT', '/users/pat', { json: { notification_display_style: '1' } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities[0].notification_display_style).toBe(1);
    expect((await entity('pat')).notification_display_style).toBe(1);
    await t.api('PUT', '/users/pat', { json: { notification_display_style: 0 } });
    expect((await entity('pat')).notification_display_style).toBe(0);
  });

  it('takes the do-not-disturb fields alone, keeping what was set before', async () => {
    const open = await t.api('PUT', '/users/pat', {
      json: { notification_no_disturbing: true, notification_no_disturbing_start: '22', notification_no_disturbing_end: '7' },
    });
    expect(open.status, open.text).toBe(200);
    expect(open.body.entities[0]).toMatchObject({ notification_no_disturbing: true, notification_no_disturbing_start: 22, notification_no_disturbing_end: 7 });
    await t.api('PUT', '/users/pat', { json: { notification_no_disturbing: false } });
    expect(await entity('pat')).toMatchObject({
      notification_display_style: 0,
      notification_no_disturbing: false,
      notification_no_disturbing_start: 22,
      notification_no_disturbing_end: 7,
    });
  });

  it('takes all five together (Java SDK 2.0 setOfflinePushOld) and ignores unknown properties', async () => {
    const answer = await t.api('PUT', '/users/quinn', {
      json: {
        nickname: '昆',
        notification_display_style: 1,
        notification_no_disturbing: true,
        notification_no_disturbing_start: '0',
        notification_no_disturbing_end: '23',
        notifier_hint: 'unknown to the service',
      },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(await entity('quinn')).toMatchObject({ nickname: '昆', notification_display_style: 1, notification_no_disturbing_start: 0, notification_no_disturbing_end: 23 });
    expect((await entity('quinn')).notifier_hint).toBeUndefined();
  });

  // What the web SDK's uploadPushToken sends (easemob-websdk 4.21.1); test/vendor-sdks runs it.
  it('binds the device for push (device_id, device_token, notifier_name) and unbinds with empty values', async () => {
    const bound = await t.api('PUT', '/users/quinn', { json: { device_id: 'dev-1', device_token: 'tok-1', notifier_name: '104410638' } });
    expect(bound.status, bound.text).toBe(200);
    expect(bound.body.entities[0]).toMatchObject({ notifier_name: '104410638', device_token: 'tok-1', nickname: '昆' });
    expect(bound.body.entities[0].device_id).toBeUndefined();
    expect(await entity('quinn')).toMatchObject({ notifier_name: '104410638', device_token: 'tok-1', notification_display_style: 1 });
    await t.api('PUT', '/users/quinn', { json: { device_token: 'tok-2' } });
    expect((await entity('quinn')).device_token).toBe('tok-2');
    await t.api('PUT', '/users/quinn', { json: { device_id: 'dev-1', device_token: '', notifier_name: '' } });
    const unbound = await entity('quinn');
    expect([unbound.notifier_name, unbound.device_token, unbound.nickname]).toEqual([undefined, undefined, '昆']);
  });

  it.each([
    ['a device token that is not a string', { device_token: 5, notifier_name: 'n' }],
    ['a device token over 512 characters', { device_id: 'd', device_token: 't'.repeat(513), notifier_name: 'n' }],
    ['a certificate name over 256 characters', { notifier_name: 'n'.repeat(257) }],
    ['a device id that is not a string', { device_id: ['d'], device_token: 't' }],
    ['a display style of 2', { notification_display_style: 2 }],
    ['a display style of "2"', { notification_display_style: '2' }],
    ['a display style of true', { notification_display_style: true }],
    ['do-not-disturb as a string', { notification_no_disturbing: 'true' }],
    ['an hour of 25', { notification_no_disturbing_start: '25' }],
    ['an hour that is not a number', { notification_no_disturbing_end: 'seven' }],
    ['a nickname of the wrong type, with a good style', { nickname: 5, notification_display_style: 1 }],
    ['only unknown properties', { push_name: 'x' }],
    // Found by Schemathesis: null was taken as "left out", so the good fields beside it were set.
    ['a null hour beside good fields', { nickname: 'n', notification_display_style: 0, notification_no_disturbing_end: null }],
    ['a null nickname', { nickname: null }],
  ])('answers 400 illegal_argument for %s and changes nothing', async (_name, json) => {
    const before = await entity('pat');
    expectError(await t.api('PUT', '/users/pat', { json }), 400, 'illegal_argument');
    expect(await entity('pat')).toEqual(before);
  });
});
