// The package's public surface: the typed client, its error, and the helpers over it.
export { createEasemobClient, type EasemobClient, type EasemobClientOptions } from './create-client.ts';
export { EasemobError, type ErrorBody } from './easemob-error.ts';
export type { ClientEvent, ClientLog } from './client-events.ts';
export type { RetryOptions } from './retry-fetch.ts';
export type { ThrottleOptions } from './throttle.ts';
export type { TokenProvider } from './token-source.ts';
export type { BaseFetch } from './fetch-types.ts';
export { paginate, type CursorPagedPath, type PageOf, type PaginateOptions } from './paginate.ts';
export { listAllUsers, type ListAllUsersOptions, type User } from './list-all-users.ts';
export {
  createUsers,
  MAX_BATCH_SIZE,
  type CreateUsersOptions,
  type CreateUsersResult,
  type RegistrationFailed,
  type UserRegistration,
} from './create-users.ts';
export { getUsersStatus, MAX_STATUS_BATCH, type GetUsersStatusOptions, type OnlineState } from './get-users-status.ts';
export {
  updatePushNicknames,
  MAX_PUSH_NICKNAME_BATCH,
  type PushNickname,
  type UpdatePushNicknamesOptions,
} from './update-push-nicknames.ts';
export { ensureUser, type EnsureUserResult } from './ensure-user.ts';
export { toUsername, type ToUsernameOptions } from './to-username.ts';
export type { paths, components, operations } from '../../generated/schema.js';
