// The package's public surface, and the only module a user imports: the typed client, its
// error, the rate limiter to share between clients, and the helpers over the client.
export { createEasemobClient, type EasemobClientOptions } from './create-client.ts';
export type { EasemobClient, EasemobMethod, Settled } from './easemob-client.ts';
export { EasemobError, type ErrorBody } from './errors/easemob-error.ts';
export type { ClientEvent, ClientLog } from './pipeline/client-events.ts';
export type { BaseFetch } from './pipeline/fetch-types.ts';
export { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimiter, type RateLimiterOptions, type Slot } from './pipeline/rate-limiter.ts';
export type { RetryOptions } from './pipeline/retry.ts';
export type { TokenProvider } from './token/token-source.ts';
export { paginate, type CursorPagedPath, type PageOf, type PaginateOptions } from './helpers/paginate.ts';
export { listAllUsers, type ListAllUsersOptions, type User } from './helpers/list-all-users.ts';
export {
  createUsers,
  MAX_BATCH_SIZE,
  type CreateUsersOptions,
  type CreateUsersResult,
  type RegistrationFailed,
  type UserRegistration,
} from './helpers/create-users.ts';
export { ensureUser, type EnsureUserResult } from './helpers/ensure-user.ts';
export { getUserToken, type UserToken, type UserTokenOptions } from './token/user-token.ts';
export { isAlreadyExists } from './helpers/already-exists.ts';
export { toUsername, type ToUsernameOptions } from './helpers/to-username.ts';
export { REQUEST_LIMITS } from '../../generated/request-limits.js';
export { getUsersStatus, MAX_STATUS_BATCH, type GetUsersStatusOptions, type OnlineState } from './helpers/get-users-status.ts';
export {
  updatePushNicknames,
  MAX_PUSH_NICKNAME_BATCH,
  type PushNickname,
  type UpdatePushNicknamesOptions,
} from './helpers/update-push-nicknames.ts';
export type { paths, components, operations } from '../../generated/schema.js';
