import type { components } from '../../../generated/schema.js';
import { REQUEST_LIMITS } from '../../../generated/request-limits.js';
import { chunk } from './chunk.ts';
import type { EasemobClient } from '../easemob-client.ts';

export type PushNickname = components['schemas']['PushNicknameBatch'][number];

/** The service takes at most 50 users a request (push_nickname_set_batch.md; from the description). */
export const MAX_PUSH_NICKNAME_BATCH: number = REQUEST_LIMITS.pushNicknamesPerRequest;

export interface UpdatePushNicknamesOptions {
  signal?: AbortSignal;
}

/**
 * Sets the push nicknames of any number of users, 50 a request, one request after another (the
 * client's throttle paces them). A failed request rejects with its EasemobError; the batches
 * before it were applied, and the number applied is on the error as `applied`.
 */
export async function updatePushNicknames(
  client: EasemobClient,
  entries: readonly PushNickname[],
  options: UpdatePushNicknamesOptions = {},
): Promise<number> {
  let applied = 0;
  for (const batch of chunk(entries, MAX_PUSH_NICKNAME_BATCH)) {
    options.signal?.throwIfAborted();
    try {
      await client.PUT('/push/nickname', { body: batch, ...(options.signal && { signal: options.signal }) });
    } catch (error) {
      if (error && typeof error === 'object') Object.assign(error, { applied });
      throw error;
    }
    applied += batch.length;
  }
  return applied;
}
