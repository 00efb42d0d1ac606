import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEasemobClient, EasemobError, type ClientEvent } from '../../src/client/index.ts';
import { CLIENT_SECRET, CREDENTIALS, fakeFetch, json, tokenAnswer } from './fake-fetch.ts';

const TOKEN = 'YWMt-issued-app-token-0123456789';
const TOKEN_2 = 'YWMt-renewed-app-token-9876543210';
const PASSWORD = 'hunter2-password';

describe('EasemobError', () => {
  it('carries the status, the service error fields, the operation and the retry advice', async () => {
    const fake = fakeFetch((r) =>
      r.path === '/token'
        ? tokenAnswer(TOKEN)
        : json(400, {
            error: 'duplicate_unique_property_exists',
            error_description: 'Application 1 Entity user requires that property named username be unique, value of jliu exists',
            exception: 'org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException',
            timestamp: 1,
            duration: 0,
          }),
    );
    const client = createEasemobClient({ ...CREDENTIALS, throttle: false, fetch: fake.fetch });
    const error = await client.POST('/users', { body: { username: 'jliu', password: PASSWORD } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EasemobError);
    expect(error).toMatchObject({
      name: 'EasemobError',
      status: 400,
      error: 'duplicate_unique_property_exists',
      exception: 'org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException',
      operation: 'createUsers',
      retryable: false,
      retryAfterMs: undefined,
    });
    expect((error as EasemobError).message).toMatch(/^createUsers failed with 400: duplicate_unique_property_exists: /);
  });

  it('copes with an error answer that is not JSON', async () => {
    const fake = fakeFetch(() => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    const client = createEasemobClient({ baseUrl: CREDENTIALS.baseUrl, token: TOKEN, throttle: false, retry: false, fetch: fake.fetch });
    await expect(client.GET('/users/{username}/status', { params: { path: { username: 'u' } } })).rejects.toMatchObject({
      status: 502,
      error: undefined,
      operation: 'getStatus',
      retryable: true,
      message: 'getStatus failed with 502: no error body',
    });
  });

  it('never shows the client secret, a token or a password in messages, fields or log events', async () => {
    // A hostile service that echoes every secret it was sent, the way a json_parse error quotes the body.
    const echo = `Unexpected character at [Source: {"client_secret":"${CLIENT_SECRET}","password":"${PASSWORD}"}] ` +
      `Authorization: Bearer ${TOKEN} token=${TOKEN} renewed=${TOKEN_2}`;
    let answered = 0;
    let issued = 0;
    const fake = fakeFetch((r) => {
      if (r.path === '/token') return tokenAnswer(++issued === 1 ? TOKEN : TOKEN_2);
      answered++;
      if (answered === 1) return json(401, { error: 'unauthorized', error_description: echo });
      if (answered === 2) return json(503, { error: 'x', error_description: echo }, { 'retry-after': '0' });
      return json(400, { error: 'json_parse', error_description: echo, exception: echo });
    });
    const events: ClientEvent[] = [];
    const client = createEasemobClient({ ...CREDENTIALS, throttle: false, fetch: fake.fetch, log: (e) => events.push(e) });
    const error = await client.POST('/users', { body: { username: 'u', password: PASSWORD } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EasemobError);
    const shown = [
      String(error),
      (error as Error).stack,
      JSON.stringify(error),
      JSON.stringify(Object.entries(error as object)),
      ...events.map((e) => JSON.stringify(e)),
    ].join('\n');
    expect(events.map((e) => e.type)).toEqual(['token-fetched', 'token-rejected', 'token-fetched', 'retry']);
    expect(shown).toContain('[redacted]');
    for (const secret of [CLIENT_SECRET, TOKEN, TOKEN_2, PASSWORD]) expect(shown).not.toContain(secret);
  });

  it.each([
    ['cut short (the secret without its last characters)', (secret: string) => `Source: {"client_secret":"${secret.slice(0, -3)}`],
    ['cut short in the middle of a sentence', (secret: string) => `client ${secret.slice(0, 12)}… is not valid`],
    ['URL-encoded', (secret: string) => `grant_type=client_credentials&client_secret=${encodeURIComponent(secret)}`],
    ['URL-encoded and cut short', (secret: string) => `query: secret%3D${encodeURIComponent(secret).slice(0, 14)}`],
    ['JSON inside a JSON string', (secret: string) => `{\\"client_secret\\":\\"${secret}\\"}`],
  ])('hides a client secret echoed %s', async (_, echo) => {
    const secret = 'YXA6+Zk/9q=secret&value-0123456789';
    const fake = fakeFetch(() => json(400, { error: 'json_parse', error_description: echo(secret), exception: echo(secret) }));
    const client = createEasemobClient({ ...CREDENTIALS, clientSecret: secret, throttle: false, retry: false, fetch: fake.fetch });
    const error = await client.GET('/users/{username}', { params: { path: { username: 'u' } } }).catch((e: unknown) => e);
    const shown = [String(error), inspect(error), JSON.stringify(error)].join('\n');
    expect(error).toMatchObject({ operation: 'getToken', status: 400 });
    expect(shown).toContain('[redacted]');
    for (const fragment of [secret.slice(0, 8), encodeURIComponent(secret).slice(0, 8)]) expect(shown).not.toContain(fragment);
  });

  it('hides a short client secret where it stands as a word, without garbling other words', async () => {
    const fake = fakeFetch(() => json(401, { error: 'unauthorized', error_description: 'client_id YXA6client with secret ab3 was refused (ab3x is not it)' }));
    const client = createEasemobClient({ ...CREDENTIALS, clientSecret: 'ab3', throttle: false, retry: false, fetch: fake.fetch });
    const error = (await client.GET('/users/{username}', { params: { path: { username: 'u' } } }).catch((e: unknown) => e)) as EasemobError;
    expect(error.errorDescription).toBe('client_id YXA6client with secret [redacted] was refused (ab3x is not it)');
  });

  it.each([
    ['JSON cut short before the closing quote', (p: string) => `Unexpected end-of-input: {"username":"u","password":"${p}`],
    ['JSON cut inside the password', (p: string) => `Unexpected end-of-input: {"username":"u","password":"${p.slice(0, 4)}`],
    ['a form or query echo', (p: string) => `bad request body: username=u&password=${p}&nickname=x`],
    ['a log-line echo', (p: string) => `password: ${p}, nickname: x`],
    ['single quotes', (p: string) => `{'newpassword': '${p}'}`],
    ['plain text', (p: string) => `password of u must not be ${p}`],
  ])('hides a password echoed as %s', async (_, echo) => {
    const password = 'p4ss w0rd,"x';
    const fake = fakeFetch(() => json(400, { error: 'illegal_argument', error_description: echo(password) }));
    const client = createEasemobClient({ baseUrl: CREDENTIALS.baseUrl, token: 'static-t0ken', throttle: false, retry: false, fetch: fake.fetch });
    const error = await client.POST('/users', { body: { username: 'u', password } }).catch((e: unknown) => e);
    const shown = [String(error), inspect(error), JSON.stringify(error)].join('\n');
    expect(shown).toContain('[redacted]');
    expect(shown).not.toContain('p4ss');
    expect((error as EasemobError).error).toBe('illegal_argument');
  });
});
