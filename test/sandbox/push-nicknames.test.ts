// PUT /push/nickname (updatePushNicknames): many users' push nicknames at once, the same field
// updateUser sets; and the client helper that sends any number, 50 at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient, EasemobError, updatePushNicknames } from '../../src/client/index.ts';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
const nicknameOf = async (name: string) => (await t.api('GET', `/users/${name}`)).body.entities[0].nickname;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('pn1', 'pn2', ...Array.from({ length: 60 }, (_, i) => `bulk${i}`));
});
afterAll(() => t.sandbox.close());

describe('updatePushNicknames', () => {
  it('sets each user\'s nickname and echoes them in entities', async () => {
    const answer = await t.api('PUT', '/push/nickname', { json: [{ username: 'pn1', push_nickname: '推送昵称-1' }, { username: 'PN2', push_nickname: 'two' }] });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ action: 'put', path: '/push' });
    expect(answer.body.entities).toEqual([{ push_nickname: '推送昵称-1', username: 'pn1' }, { push_nickname: 'two', username: 'PN2' }]);
    // The fields of the page's answer (push_nickname_set_batch.md), no others: a `params` the page
    // does not have made the generated Java client (okhttp-gson) refuse the whole answer.
    expect(Object.keys(answer.body).sort()).toEqual(['action', 'application', 'applicationName', 'duration', 'entities', 'organization', 'path', 'timestamp', 'uri']);
    expect(await nicknameOf('pn1')).toBe('推送昵称-1');
    expect(await nicknameOf('pn2')).toBe('two');
  });

  it('refuses empty, over-50, over-long and malformed batches, and unknown users, changing nobody', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ username: `bulk${i % 60}`, push_nickname: 'x' }));
    expectError(await t.api('PUT', '/push/nickname', { json: [] }), 400, 'illegal_argument', 'put user push nicknames illegal empty request body');
    expectError(await t.api('PUT', '/push/nickname', { json: {} }), 400, 'illegal_argument', 'put user push nicknames illegal empty request body');
    expectError(await t.api('PUT', '/push/nickname', { json: many }), 400, 'illegal_argument', 'put user push nicknames exceeds the limit');
    expectError(
      await t.api('PUT', '/push/nickname', { json: [{ username: 'pn1', push_nickname: 'ok' }, { username: 'pn2', push_nickname: '长'.repeat(101) }] }),
      400,
      'illegal_argument',
      'pn2 push nickname length exceeds the limit',
    );
    expectError(await t.api('PUT', '/push/nickname', { json: [{ username: 'pn1' }] }), 400, 'illegal_argument');
    expectError(await t.api('PUT', '/push/nickname', { json: [{ username: 'a b', push_nickname: 'x' }] }), 400, 'illegal_argument');
    expectError(await t.api('PUT', '/push/nickname', { json: [{ username: 'pn1', push_nickname: 'changed' }, { username: 'nobody', push_nickname: 'x' }] }), 404, 'service_resource_not_found');
    expect(await nicknameOf('pn1')).toBe('推送昵称-1');
    expect(await nicknameOf('pn2')).toBe('two');
    expect((await t.api('PUT', '/push/nickname', { json: [{ username: 'pn1', push_nickname: '长'.repeat(100) }] })).status).toBe(200);
  });
});

describe('the updatePushNicknames client helper', () => {
  it('sends any number, 50 a request, and says how many were applied before a failure', async () => {
    const sizes: number[] = [];
    const client = createEasemobClient({
      baseUrl: t.app.baseUrl,
      token: t.token,
      retry: false,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sizes.push(((await request.clone().json()) as unknown[]).length);
        return fetch(request);
      },
    });
    const entries = Array.from({ length: 60 }, (_, i) => ({ username: `bulk${i}`, push_nickname: `n${i}` }));
    expect(await updatePushNicknames(client, entries)).toBe(60);
    expect(sizes).toEqual([50, 10]);
    expect(await nicknameOf('bulk59')).toBe('n59');
    const failing = [...entries.slice(0, 50), { username: 'nobody', push_nickname: 'x' }];
    const error = await updatePushNicknames(client, failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EasemobError);
    expect((error as EasemobError & { applied: number }).applied).toBe(50);
  });
});
