// What a user token may do. Usergrid checks every request against the caller's permissions
// (`<methods>:<path pattern>`, with `${user}` standing for the caller); a call without the
// permission answers 401 `unauthorized` "Subject does not have permission [applications:<method>:
// <app uuid>:<path>]" (org.apache.shiro.authz.UnauthorizedException). That is the answer the live
// service gives a user token on an admin operation (a captured answer is quoted in
// docs/sandbox.md). The service keeps the user-management operations for the app (admin) token;
// a user may read and update its own entity (the web SDK's updateCurrentUserNick sends the user's
// own token to PUT /users/{self}), and register users where registration is open (the guest
// permission `post:/users`).
import type { AppRecord } from '../storage/apps-store.ts';
import { usernameKey, type UserRecord } from '../storage/users-store.ts';

/** Operations a user may call on its own entity, the `{username}` in the path being itself. */
const OWN_ENTITY_OPERATIONS = new Set(['getUser', 'updateUser']);

export function userMayCall(operationId: string, params: Record<string, string>, user: UserRecord, app: AppRecord): boolean {
  if (operationId === 'createUsers') return app.openRegistration;
  if (!OWN_ENTITY_OPERATIONS.has(operationId)) return false;
  const named = params.username;
  return named !== undefined && usernameKey(named) === usernameKey(user.username);
}
