import { REQUEST_LIMITS } from '../../../generated/request-limits.js';
import type { components } from '../../../generated/schema.js';
import type { EasemobClient } from '../easemob-client.ts';
import { paginate } from './paginate.ts';

export type User = components['schemas']['User'];

export interface ListAllUsersOptions {
  /** Users per page (1 to 100). Bigger pages mean fewer calls against the rate limit. */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** Every user of the app, across all pages: `for await (const user of listAllUsers(client)) ...`. */
export async function* listAllUsers(client: EasemobClient, options: ListAllUsersOptions = {}): AsyncGenerator<User, void, undefined> {
  const pages = paginate(client, '/users', {
    params: { query: { limit: options.pageSize ?? REQUEST_LIMITS.usersPerPage } },
    ...(options.signal && { signal: options.signal }),
  });
  for await (const page of pages) yield* page.entities;
}
