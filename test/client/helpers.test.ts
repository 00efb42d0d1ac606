import { describe, expect, it } from 'vitest';
import { createEasemobClient, createUsers, ensureUser, listAllUsers, paginate, type UserRegistration } from '../../src/client/index.ts';
import { BASE_URL, fakeFetch, json, userEntity, type Handler } from './fake-fetch.ts';

function clientFor(handler: Handler) {
  const fake = fakeFetch(handler);
  const client = createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: false, retry: false, fetch: fake.fetch });
  return { fake, client };
}

describe('listAllUsers / paginate', () => {
  const pages: Record<string, { names: string[]; next?: string }> = {
    '': { names: ['a', 'b'], next: 'cursor-1' },
    'cursor-1': { names: ['c', 'd'], next: 'cursor-2' },
    'cursor-2': { names: ['e'] },
  };
  const listUsers: Handler = (r) => {
    const page = pages[r.query.get('cursor') ?? '']!;
    return json(200, { action: 'get', entities: page.names.map(userEntity), count: page.names.length, ...(page.next && { cursor: page.next }) });
  };

  it('walks 3 pages, sending each cursor back, and stops when cursor is gone', async () => {
    const { fake, client } = clientFor(listUsers);
    const names: string[] = [];
    for await (const user of listAllUsers(client, { pageSize: 2 })) names.push(user.username);
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.requests.map((r) => r.query.toString())).toEqual(['limit=2', 'limit=2&cursor=cursor-1', 'limit=2&cursor=cursor-2']);
  });

  it('fetches no further page than the caller consumes', async () => {
    const { fake, client } = clientFor(listUsers);
    for await (const page of paginate(client, '/users')) {
      expect(page.entities).toHaveLength(2);
      break;
    }
    expect(fake.requests).toHaveLength(1);
  });

  it('stops with an error when the service repeats a cursor', async () => {
    const { client } = clientFor(() => json(200, { entities: [userEntity('a')], cursor: 'same' }));
    const walk = async () => {
      for await (const _ of listAllUsers(client)) void _;
    };
    await expect(walk()).rejects.toThrow(/same cursor/);
  });
});

describe('createUsers', () => {
  const users: UserRegistration[] = Array.from({ length: 150 }, (_, i) => ({ username: `user${i}`, password: `pw-${i}` }));

  it('sends 150 users as 60 + 60 + 30 and reports a per-user failure from the service', async () => {
    const { fake, client } = clientFor((r) => {
      const batch = JSON.parse(r.body) as UserRegistration[];
      const taken = batch.filter((u) => u.username === 'user7');
      return json(200, {
        action: 'post',
        entities: batch.filter((u) => !taken.includes(u)).map((u) => userEntity(u.username)),
        ...(taken.length > 0 && { data: taken.map((u) => ({ username: u.username, registerUserFailReason: 'the user already exists' })) }),
      });
    });
    const result = await createUsers(client, users);
    expect(fake.requests.map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([60, 60, 30]);
    expect(fake.requests.every((r) => r.method === 'POST' && r.path === '/users')).toBe(true);
    expect(result.created).toHaveLength(149);
    expect(result.failed).toEqual([{ username: 'user7', reason: 'the user already exists' }]);
  });

  it('reports every user of a batch that failed as a whole, and carries on with the next batch', async () => {
    let batchNo = 0;
    const { client } = clientFor((r) => {
      const batch = JSON.parse(r.body) as UserRegistration[];
      if (++batchNo === 2) return json(400, { error: 'illegal_argument', error_description: 'username [x] is not legal' });
      return json(200, { entities: batch.map((u) => userEntity(u.username)) });
    });
    const result = await createUsers(client, users);
    expect(result.created).toHaveLength(90);
    expect(result.failed).toHaveLength(60);
    expect(result.failed[0]).toMatchObject({ username: 'user60', reason: 'illegal_argument', error: { status: 400 } });
  });

  it('reports users the answer does not mention', async () => {
    const { client } = clientFor(() => json(200, { entities: [userEntity('USER0')] }));
    const result = await createUsers(client, users.slice(0, 2));
    expect(result.created.map((u) => u.username)).toEqual(['USER0']); // matched case-insensitively
    expect(result.failed).toEqual([{ username: 'user1', reason: 'not_in_response' }]);
  });

  it('refuses batch sizes the service does not take', async () => {
    const { client } = clientFor(() => json(200, { entities: [] }));
    await expect(createUsers(client, users, { batchSize: 61 })).rejects.toThrow(RangeError);
  });
});

describe('ensureUser', () => {
  it('creates a missing user', async () => {
    const { client } = clientFor(() => json(200, { entities: [userEntity('jliu')] }));
    await expect(ensureUser(client, { username: 'jliu', password: 'p' })).resolves.toMatchObject({ created: true, user: { username: 'jliu' } });
  });

  it('treats duplicate_unique_property_exists as already present', async () => {
    const { client } = clientFor(() => json(400, { error: 'duplicate_unique_property_exists', error_description: 'value of jliu exists' }));
    await expect(ensureUser(client, { username: 'JLiu', password: 'p' })).resolves.toEqual({ created: false });
  });

  it('passes other errors on', async () => {
    const { client } = clientFor(() => json(400, { error: 'illegal_argument', error_description: 'username [a b] is not legal' }));
    await expect(ensureUser(client, { username: 'a b', password: 'p' })).rejects.toMatchObject({ error: 'illegal_argument' });
  });
});
