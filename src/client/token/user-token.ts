// A user token for one of the app's users, minted by the app server with its app token (the
// inherit grant of POST /token): what an app server hands a user's device so it can log in to
// chat without the server ever knowing or storing the user's Easemob password.
import type { components } from '../../../generated/schema.js';
import type { EasemobClient } from '../easemob-client.ts';

export type User = components['schemas']['User'];

export interface UserTokenOptions {
  /** Register the user first when it does not exist (otherwise a missing user is a 404 EasemobError). */
  autoCreateUser?: boolean;
  /** The token's lifetime in seconds; without it the service's default applies. */
  ttlSeconds?: number;
  signal?: AbortSignal;
}

export interface UserToken {
  accessToken: string;
  expiresInSeconds: number;
  /** The user the token is for (as registered, when autoCreateUser created it). */
  user: User;
}

/**
 * Gets a token for `username`. The client must hold the app token (client credentials, or an app
 * token of its own): the service refuses the inherit grant to anything else with 401. Errors are
 * thrown as EasemobError by the client.
 */
export async function getUserToken(client: EasemobClient, username: string, options: UserTokenOptions = {}): Promise<UserToken> {
  const { data } = await client.POST('/token', {
    body: {
      grant_type: 'inherit',
      username,
      ...(options.autoCreateUser !== undefined && { autoCreateUser: options.autoCreateUser }),
      ...(options.ttlSeconds !== undefined && { ttl: options.ttlSeconds }),
    },
    ...(options.signal && { signal: options.signal }),
  });
  if (!('user' in data) || typeof data.access_token !== 'string' || typeof data.expires_in !== 'number') {
    throw new Error('the inherit grant answered 2xx without access_token, expires_in and user');
  }
  return { accessToken: data.access_token, expiresInSeconds: data.expires_in, user: data.user };
}
