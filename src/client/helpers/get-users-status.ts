import { REQUEST_LIMITS } from '../../../generated/request-limits.js';
import { chunk } from './chunk.ts';
import type { EasemobClient } from '../easemob-client.ts';

/** The service reads at most 100 names a request (account_presence_obtain_batch.md; from the description). */
export const MAX_STATUS_BATCH: number = REQUEST_LIMITS.statusNamesPerRequest;

export type OnlineState = 'online' | 'offline';

export interface GetUsersStatusOptions {
  signal?: AbortSignal;
}

/**
 * The online state of any number of users, read 100 names a request, one request after another
 * (the client's throttle paces them). Keys are the names as given; a name nobody has is
 * `offline`, as the service reports it. A failed request rejects with its EasemobError.
 */
export async function getUsersStatus(
  client: EasemobClient,
  usernames: readonly string[],
  options: GetUsersStatusOptions = {},
): Promise<Map<string, OnlineState>> {
  const states = new Map<string, OnlineState>();
  for (const batch of chunk(usernames, MAX_STATUS_BATCH)) {
    options.signal?.throwIfAborted();
    const { data } = await client.POST('/users/batch/status', {
      body: { usernames: batch },
      ...(options.signal && { signal: options.signal }),
    });
    for (const entry of data.data) {
      // The description allows only these two values (a pattern, for the generators' sake).
      for (const [name, state] of Object.entries(entry)) states.set(name, state === 'online' ? 'online' : 'offline');
    }
  }
  return states;
}
