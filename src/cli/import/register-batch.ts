// Registers one batch (at most MAX_BATCH_SIZE users) and sorts every user into created, already present, or
// failed with a reason. Whole-batch refusals with 400 (older versions of the service refuse a
// batch for one taken username) fall back to one request per user, so one bad user cannot
// fail 59 good ones. Anything else (service down, credentials refused) is thrown: the import
// stops before this batch and a re-run resumes here.
import { createUsers, EasemobError, ensureUser, isAlreadyExists, type EasemobClient, type UserRegistration } from '../../client/index.ts';

export interface PendingUser {
  line: number;
  user: UserRegistration;
}

export interface BatchOutcome {
  created: number;
  present: number;
  failures: Array<{ line: number; username: string; reason: string }>;
}

export async function registerBatch(client: EasemobClient, batch: PendingUser[], signal?: AbortSignal): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, present: 0, failures: [] };
  const byName = new Map(batch.map((pending) => [pending.user.username.toLowerCase(), pending]));
  const result = await createUsers(client, batch.map((pending) => pending.user), { ...(signal && { signal }) });

  const wholeBatch = result.failed.find((failure) => failure.error !== undefined)?.error;
  if (wholeBatch !== undefined) {
    if (!(wholeBatch instanceof EasemobError && wholeBatch.status === 400)) throw wholeBatch;
    for (const pending of batch) await registerOne(client, pending, outcome, signal);
    return outcome;
  }
  outcome.created = result.created.length;
  for (const failure of result.failed) {
    if (isAlreadyExists(failure.reason)) outcome.present++;
    else {
      const line = byName.get(failure.username.toLowerCase())?.line ?? 0;
      outcome.failures.push({ line, username: failure.username, reason: failure.reason });
    }
  }
  return outcome;
}

async function registerOne(client: EasemobClient, pending: PendingUser, outcome: BatchOutcome, signal?: AbortSignal): Promise<void> {
  try {
    const result = await ensureUser(client, pending.user, { ...(signal && { signal }) });
    if (result.created) outcome.created++;
    else outcome.present++;
  } catch (error) {
    if (!(error instanceof EasemobError && error.status === 400)) throw error;
    outcome.failures.push({ line: pending.line, username: pending.user.username, reason: error.error ?? 'bad_request' });
  }
}
