// getUser's entity (the user with its push settings) as JSON text, kept in memory per app and
// username key. GET /users/{username} is the call integration tests make most and the one issue
// 10's performance goal measures; reading the row and serializing the entity was a fifth of its
// cost. An entry is dropped whenever SQLite reports a write to that user or its settings
// (user-changes.ts), so a read after any write shows the write; a restart starts empty.
import { toUserEntityWithPush } from '../user-entity.ts';
import type { UserChanges } from './user-changes.ts';
import { usernameKey } from './users-store.ts';
import type { UserWithPushQuery } from './user-with-push-query.ts';

/** Past this many entries the cache starts over, so that a scan of many users cannot grow it. */
const MAX_ENTRIES = 10_000;

export function createUserEntityCache(query: UserWithPushQuery, changes: UserChanges) {
  const byApp = new Map<number, Map<string, string>>();
  let size = 0;

  changes.onChange((appId, key) => {
    if (byApp.get(appId)?.delete(key)) size--;
  });

  return {
    /** The entity's JSON, or undefined when the app has no such user (never cached). */
    find(appId: number, username: string): string | undefined {
      const key = usernameKey(username);
      let users = byApp.get(appId);
      const cached = users?.get(key);
      if (cached !== undefined) return cached;
      const found = query.find(appId, username);
      if (!found) return undefined;
      const json = JSON.stringify(toUserEntityWithPush(found.user, found.push));
      if (size >= MAX_ENTRIES) {
        byApp.clear();
        size = 0;
        users = undefined;
      }
      if (!users) byApp.set(appId, (users = new Map()));
      users.set(key, json);
      size++;
      return json;
    },
  };
}

export type UserEntityCache = ReturnType<typeof createUserEntityCache>;
