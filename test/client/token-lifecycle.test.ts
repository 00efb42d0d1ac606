import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEasemobClient, EasemobError } from '../../src/client/index.ts';
import { CREDENTIALS, fakeFetch, json, tokenAnswer, userAnswer } from './fake-fetch.ts';

const noThrottle = { throttle: false, retry: false } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('app token', () => {
  it('fetches the token once for 100 concurrent calls, with the client credentials', async () => {
    const fake = fakeFetch(async (r) => {
      if (r.path === '/token') {
        await new Promise((resolve) => setTimeout(resolve, 20)); // still in flight while the others ask
        return tokenAnswer('token-1');
      }
      return userAnswer('u');
    });
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.GET('/users/{username}', { params: { path: { username: `u${i}` } } })),
    );
    expect(fake.to('/token')).toHaveLength(1);
    expect(JSON.parse(fake.to('/token')[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: CREDENTIALS.clientId,
      client_secret: CREDENTIALS.clientSecret,
    });
    expect(fake.to('/token')[0]!.authorization).toBeNull();
    const userCalls = fake.requests.filter((r) => r.path !== '/token');
    expect(userCalls).toHaveLength(100);
    expect(userCalls.every((r) => r.authorization === 'Bearer token-1')).toBe(true);
  });

  it('keeps the token until shortly before expires_in SECONDS run out, then fetches a new one', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    let issued = 0;
    const fake = fakeFetch((r) => (r.path === '/token' ? tokenAnswer(`token-${++issued}`, 3600) : userAnswer('u')));
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    const getUser = () => client.GET('/users/{username}', { params: { path: { username: 'u' } } });

    await getUser();
    vi.setSystemTime(Date.now() + 50 * 60_000); // 50 of 60 minutes: still cached
    await getUser();
    expect(fake.to('/token')).toHaveLength(1);

    vi.setSystemTime(Date.now() + 9 * 60_000); // 59 minutes: inside the refresh margin
    await getUser();
    expect(fake.to('/token')).toHaveLength(2);
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer token-2');
  });

  it('refreshes an expired token once on 401 and the call succeeds', async () => {
    let issued = 0;
    const fake = fakeFetch((r) => {
      if (r.path === '/token') return tokenAnswer(`token-${++issued}`);
      if (r.authorization === 'Bearer token-1') {
        return json(401, { error: 'unauthorized', error_description: 'Unable to authenticate due to expired access token' });
      }
      return userAnswer('u');
    });
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    const calls = Array.from({ length: 20 }, () => client.GET('/users/{username}', { params: { path: { username: 'u' } } }));
    const results = await Promise.all(calls);

    expect(results.every((r) => r.data?.entities[0]?.username === 'u')).toBe(true);
    expect(fake.to('/token')).toHaveLength(2); // the first token, and one refresh shared by all 20
    expect(fake.to('/users/u')).toHaveLength(40);
  });

  it('re-sends the same body after the 401 refresh', async () => {
    let issued = 0;
    const fake = fakeFetch((r) => {
      if (r.path === '/token') return tokenAnswer(`token-${++issued}`);
      if (r.authorization === 'Bearer token-1') return json(401, { error: 'unauthorized', error_description: 'expired' });
      return json(200, { action: 'set user password', timestamp: 1, duration: 1 });
    });
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    await client.PUT('/users/{username}/password', {
      params: { path: { username: 'u' } },
      body: { newpassword: 'n3w-pass' },
    });
    const puts = fake.to('/users/u/password');
    expect(puts.map((r) => r.body)).toEqual(['{"newpassword":"n3w-pass"}', '{"newpassword":"n3w-pass"}']);
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    let issued = 0;
    const fake = fakeFetch((r) =>
      r.path === '/token' ? tokenAnswer(`token-${++issued}`) : json(401, { error: 'auth_bad_access_token', error_description: 'Unable to authenticate' }),
    );
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    const call = client.GET('/users/{username}', { params: { path: { username: 'u' } } });
    await expect(call).rejects.toMatchObject({ name: 'EasemobError', status: 401, error: 'auth_bad_access_token' });
    expect(fake.to('/users/u')).toHaveLength(2);
  });

  it('does not cache a failed token request', async () => {
    let attempts = 0;
    const fake = fakeFetch((r) => {
      if (r.path !== '/token') return userAnswer('u');
      return ++attempts === 1 ? json(400, { error: 'invalid_grant', error_description: 'invalid username or password' }) : tokenAnswer('token-2');
    });
    const client = createEasemobClient({ ...CREDENTIALS, ...noThrottle, fetch: fake.fetch });
    const getUser = () => client.GET('/users/{username}', { params: { path: { username: 'u' } } });
    const first = await getUser().catch((error: unknown) => error);
    expect(first).toBeInstanceOf(EasemobError);
    expect(first).toMatchObject({ operation: 'getToken', status: 400, error: 'invalid_grant' });
    await expect(getUser()).resolves.toMatchObject({ data: { entities: [{ username: 'u' }] } });
  });

  it('uses a static token as given and does not retry its 401', async () => {
    const fake = fakeFetch(() => json(401, { error: 'unauthorized', error_description: 'expired' }));
    const client = createEasemobClient({ baseUrl: CREDENTIALS.baseUrl, token: 'static-token', ...noThrottle, fetch: fake.fetch });
    await expect(client.GET('/users/{username}', { params: { path: { username: 'u' } } })).rejects.toMatchObject({ status: 401 });
    expect(fake.requests.map((r) => [r.path, r.authorization])).toEqual([['/users/u', 'Bearer static-token']]);
  });

  it('asks a token provider again after a 401 and retries with the new token', async () => {
    const provided = ['old-token', 'new-token'];
    const fake = fakeFetch((r) =>
      r.authorization === 'Bearer old-token' ? json(401, { error: 'unauthorized', error_description: 'expired' }) : userAnswer('u'),
    );
    const client = createEasemobClient({
      baseUrl: CREDENTIALS.baseUrl,
      token: async () => provided.shift() ?? 'new-token',
      ...noThrottle,
      fetch: fake.fetch,
    });
    await client.GET('/users/{username}', { params: { path: { username: 'u' } } });
    expect(fake.requests.map((r) => r.authorization)).toEqual(['Bearer old-token', 'Bearer new-token']);
  });

  it('refuses to start without credentials or a token', () => {
    expect(() => createEasemobClient({ baseUrl: CREDENTIALS.baseUrl })).toThrow(TypeError);
  });
});
