import { REQUEST_LIMITS } from '../../../generated/request-limits.js';
import type { components } from '../../../generated/schema.js';
import { chunk } from './chunk.ts';
import type { EasemobClient } from '../easemob-client.ts';
import { EasemobError } from '../errors/easemob-error.ts';
import type { User } from './list-all-users.ts';

export type UserRegistration = components['schemas']['UserRegistration'];

export interface RegistrationFailed {
  username: string;
  /** The service's `registerUserFailReason`, or the code of the error that failed the whole batch. */
  reason: string;
  /** Set when the whole batch failed: the error it failed with. */
  error?: unknown;
}

export interface CreateUsersResult {
  created: User[];
  failed: RegistrationFailed[];
}

/** The most users the service takes in one request (the description's UserRegistrationBatch). */
export const MAX_BATCH_SIZE: number = REQUEST_LIMITS.usersPerRequest;

export interface CreateUsersOptions {
  /** Users per request, 1 to MAX_BATCH_SIZE (60; the default). */
  batchSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Registers any number of users, in batches of at most 60 sent one after another (the client's
 * throttle paces them). Unlike the official SDKs it loses no failure: per-user failures the
 * service lists in `data` (`registerUserFailReason`), users of a batch that failed as a whole,
 * and users the answer does not mention all come back in `failed`.
 */
export async function createUsers(
  client: EasemobClient,
  users: readonly UserRegistration[],
  options: CreateUsersOptions = {},
): Promise<CreateUsersResult> {
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  const result: CreateUsersResult = { created: [], failed: [] };
  for (const batch of chunk(users, batchSize)) {
    options.signal?.throwIfAborted();
    try {
      const { data } = await client.POST('/users', { body: batch, ...(options.signal && { signal: options.signal }) });
      mergeBatchAnswer(batch, data.entities, data.data ?? [], result);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = error instanceof EasemobError ? (error.error ?? `status ${error.status}`) : 'request_failed';
      for (const user of batch) result.failed.push({ username: user.username, reason, error });
    }
  }
  return result;
}

function mergeBatchAnswer(
  batch: readonly UserRegistration[],
  entities: readonly User[],
  failures: readonly components['schemas']['RegistrationFailure'][],
  result: CreateUsersResult,
): void {
  // Usernames are case-insensitive at Easemob.
  const accounted = new Set<string>();
  for (const user of entities) {
    result.created.push(user);
    accounted.add(user.username.toLowerCase());
  }
  for (const failure of failures) {
    result.failed.push({ username: failure.username, reason: failure.registerUserFailReason });
    accounted.add(failure.username.toLowerCase());
  }
  for (const user of batch) {
    if (!accounted.has(user.username.toLowerCase())) {
      result.failed.push({ username: user.username, reason: 'not_in_response' });
    }
  }
}
