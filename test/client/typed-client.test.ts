// The client is openapi-fetch typed by generated/schema.d.ts, with one contract: a call resolves
// with data or rejects. These checks run under `npm run typecheck` (expectTypeOf, and
// expected type errors) as well as at run time; test/client/doc-snippets.test.ts holds the
// documented snippets to the same contract under exactOptionalPropertyTypes.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { components } from '../../generated/schema.d.ts';
import { createEasemobClient, createRateLimiter, EasemobError, type User } from '../../src/client/index.ts';
import { operationName } from '../../src/client/errors/operation-name.ts';
import { projectRoot } from '../support/servers.ts';
import { BASE_URL, fakeFetch, userAnswer } from './fake-fetch.ts';

describe('typed client', () => {
  it('types params, bodies and responses of every operation without casts', async () => {
    const fake = fakeFetch(() => userAnswer('jliu'));
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: false, fetch: fake.fetch });

    const result = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } });
    const { data } = result;
    // data is never undefined: a call that resolves has it.
    expectTypeOf<undefined>().not.toExtend<typeof data>();
    expectTypeOf(data).toExtend<components['schemas']['UserResponse']>();
    expectTypeOf(data.entities[0]).toExtend<User | undefined>();
    expectTypeOf<(typeof data)['entities'][number]['activated']>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof typeof result>().toEqualTypeOf<'data' | 'response'>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    // @ts-expect-error there is no error field: a failed call rejects
    void result.error;
    expect(data.entities[0]?.username).toBe('jliu');

    const text = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } }, parseAs: 'text' });
    expectTypeOf(text.data).toEqualTypeOf<string>();

    if (false as boolean) {
      // @ts-expect-error the path parameter is required
      await client.GET('/users/{username}', {});
      // @ts-expect-error nickname is a string
      await client.PUT('/users/{username}', { params: { path: { username: 'u' } }, body: { nickname: 1 } });
      // @ts-expect-error no such path
      await client.GET('/groups');
      const page = await client.GET('/users', { params: { query: { limit: 10, cursor: 'c' } } });
      expectTypeOf(page.data.cursor).toEqualTypeOf<string | undefined>();
      const batch = await client.POST('/users', { body: [{ username: 'a', password: 'p' }] });
      expectTypeOf(batch.data.data).toExtend<components['schemas']['RegistrationFailure'][] | undefined>();
      const viaRequest = await client.request('get', '/users/{username}/status', { params: { path: { username: 'u' } } });
      expectTypeOf(viaRequest.data).toExtend<components['schemas']['OnlineStatus']>();
      expectTypeOf<undefined>().not.toExtend<typeof viaRequest.data>();
    }
  });

  it('rejects a 2xx answer without the body the operation documents, so data is never undefined', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 200, headers: { 'content-length': '0' } }));
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: false, fetch: fake.fetch });
    const error = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EasemobError);
    expect(error).toMatchObject({ status: 200, operation: 'getUser', retryable: false, message: 'getUser failed with 200: the answer has no body' });
  });

  it("sends a call through the caller's per-call fetch, with the token, retries and rate limiter around it", async () => {
    const clientWide = fakeFetch(() => userAnswer('jliu'));
    let answered = 0;
    const perCall = fakeFetch(() => (answered++ === 0 ? new Response('{}', { status: 503 }) : userAnswer('jliu')));
    const limiter = createRateLimiter({ limit: 10, intervalMs: 1000 });
    const acquire = vi.spyOn(limiter, 'acquire');
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: limiter, retry: { baseDelayMs: 1 }, timeoutMs: 5_000, fetch: clientWide.fetch });
    const { data } = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } }, fetch: perCall.fetch });
    expect(data.entities[0]?.username).toBe('jliu');
    expect(perCall.requests.map((r) => r.authorization)).toEqual(['Bearer static-token', 'Bearer static-token']);
    expect(clientWide.requests).toHaveLength(0);
    expect(acquire).toHaveBeenCalledTimes(2);
  });

  it('names every operation of the description by its operationId', () => {
    const description = JSON.parse(readFileSync(`${projectRoot}generated/openapi.json`, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    for (const [path, item] of Object.entries(description.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.operationId) expect(operationName(method, path)).toBe(operation.operationId);
      }
    }
    expect(operationName('get', '/nowhere')).toBe('GET /nowhere');
  });
});
