import type { EasemobClient } from '../easemob-client.ts';
import { isAlreadyExists } from './already-exists.ts';
import type { UserRegistration } from './create-users.ts';
import type { User } from './list-all-users.ts';

export type EnsureUserResult = { created: true; user: User } | { created: false };

/**
 * Registers the user, or, when the username is taken (in any letter case), treats it as already
 * there. An existing user's password and nickname are left as they are.
 */
export async function ensureUser(
  client: EasemobClient,
  user: UserRegistration,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<EnsureUserResult> {
  try {
    const { data } = await client.POST('/users', { body: user, ...(options.signal && { signal: options.signal }) });
    const created = data.entities[0];
    if (created) return { created: true, user: created };
    const reason = data.data?.[0]?.registerUserFailReason ?? 'no user in the answer';
    if (isAlreadyExists(reason)) return { created: false };
    throw new Error(`createUsers did not create ${user.username}: ${reason}`);
  } catch (error) {
    if (isAlreadyExists(error)) return { created: false };
    throw error;
  }
}
