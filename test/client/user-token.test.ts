import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient, EasemobError, getUserToken } from '../../src/client/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { BASE_URL, fakeFetch, json, userEntity, type Handler } from './fake-fetch.ts';

function clientFor(handler: Handler) {
  const fake = fakeFetch(handler);
  const client = createEasemobClient({ baseUrl: BASE_URL, token: 'app-token', throttle: false, retry: false, fetch: fake.fetch });
  return { fake, client };
}

describe('getUserToken (unit)', () => {
  it('sends the inherit grant with the app token, and only the options given', async () => {
    const { fake, client } = clientFor(() => json(200, { access_token: 'YWMtuser', expires_in: 600, user: userEntity('jliu') }));
    const token = await getUserToken(client, 'jliu', { autoCreateUser: true, ttlSeconds: 600 });
    expect(token).toEqual({ accessToken: 'YWMtuser', expiresInSeconds: 600, user: userEntity('jliu') });
    const [request] = fake.to('/token');
    expect(request!.method).toBe('POST');
    expect(request!.authorization).toBe('Bearer app-token');
    expect(JSON.parse(request!.body)).toEqual({ grant_type: 'inherit', username: 'jliu', autoCreateUser: true, ttl: 600 });

    await getUserToken(client, 'jliu');
    expect(JSON.parse(fake.to('/token')[1]!.body)).toEqual({ grant_type: 'inherit', username: 'jliu' });
  });

  it('refuses an answer that is an app token, not a user token', async () => {
    const { client } = clientFor(() => json(200, { access_token: 'YWMtapp', expires_in: 600, application: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4' }));
    await expect(getUserToken(client, 'jliu')).rejects.toThrow(/without access_token, expires_in and user/);
  });
});

describe('getUserToken against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off' });
  });
  afterAll(() => sandbox.close());

  it('mints a token the user can read its own entity with, registering the user when asked', async () => {
    const app = sandbox.apps[0]!;
    const client = createEasemobClient({ baseUrl: app.baseUrl, clientId: app.clientId, clientSecret: app.clientSecret });
    await expect(getUserToken(client, 'device_user')).rejects.toSatisfy((error) => error instanceof EasemobError && error.status === 404);
    const token = await getUserToken(client, 'device_user', { autoCreateUser: true, ttlSeconds: 120 });
    expect(token.expiresInSeconds).toBe(120);
    expect(token.user.username).toBe('device_user');
    const asUser = createEasemobClient({ baseUrl: app.baseUrl, token: token.accessToken, retry: false });
    const { data } = await asUser.GET('/users/{username}', { params: { path: { username: 'device_user' } } });
    expect(data?.entities[0]?.uuid).toBe(token.user.uuid);
    await expect(asUser.GET('/users', {})).rejects.toSatisfy((error) => error instanceof EasemobError && error.status === 401);
  });
});
