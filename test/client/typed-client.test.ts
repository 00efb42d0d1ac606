// The client is openapi-fetch typed by generated/schema.d.ts: these checks run under `npm run
// typecheck` (expectTypeOf and @ts-expect-error) as well as at run time.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/schema.d.ts';
import { createEasemobClient, type User } from '../../src/client/index.ts';
import { operationName } from '../../src/client/operation-ids.ts';
import { projectRoot } from '../support/servers.ts';
import { BASE_URL, fakeFetch, userAnswer } from './fake-fetch.ts';

describe('typed client', () => {
  it('types params, bodies and responses of every operation without casts', async () => {
    const fake = fakeFetch(() => userAnswer('jliu'));
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: false, fetch: fake.fetch });

    const { data } = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } });
    expectTypeOf(data).toExtend<components['schemas']['UserResponse'] | undefined>();
    expectTypeOf<NonNullable<typeof data>['entities'][number]['activated']>().toEqualTypeOf<boolean>();
    const user: User | undefined = data?.entities[0];
    expect(user?.username).toBe('jliu');

    if (false as boolean) {
      // @ts-expect-error the path parameter is required
      await client.GET('/users/{username}', {});
      // @ts-expect-error nickname is a string
      await client.PUT('/users/{username}', { params: { path: { username: 'u' } }, body: { nickname: 1 } });
      // @ts-expect-error no such path
      await client.GET('/groups');
      const page = await client.GET('/users', { params: { query: { limit: 10, cursor: 'c' } } });
      expectTypeOf(page.data?.cursor).toEqualTypeOf<string | undefined>();
      const batch = await client.POST('/users', { body: [{ username: 'a', password: 'p' }] });
      expectTypeOf(batch.data?.data).toExtend<components['schemas']['RegistrationFailure'][] | undefined>();
    }
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
