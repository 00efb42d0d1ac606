// Everything the sandbox keeps, over one SQLite database.
import type { DatabaseSync } from 'node:sqlite';
import { createAppsStore } from './apps-store.ts';
import { inTransaction, openDatabase } from './database.ts';
import { createAttributesStore } from './attributes-store.ts';
import { createBlockQueries } from './block-queries.ts';
import { createContactQueries } from './contact-queries.ts';
import { createDevicesStore } from './devices-store.ts';
import { createGlobalMutesStore } from './global-mutes-store.ts';
import { createMessagesStore } from './messages-store.ts';
import { createPushSettingsStore } from './push-settings-store.ts';
import { createRelationsStore } from './relations-store.ts';
import { createTokensStore } from './tokens-store.ts';
import { createUserTokensStore } from './user-tokens-store.ts';
import { watchUserChanges } from './user-changes.ts';
import { createUserEntityCache } from './user-entity-cache.ts';
import { createUsersStore } from './users-store.ts';
import { createUserWithPushQuery } from './user-with-push-query.ts';

export function createStore(path?: string, now: () => number = Date.now) {
  const db: DatabaseSync = openDatabase(path);
  // Created first: it creates the table the query and the triggers of userEntities read.
  const pushSettings = createPushSettingsStore(db);
  return {
    db,
    apps: createAppsStore(db),
    users: createUsersStore(db),
    relations: createRelationsStore(db),
    messages: createMessagesStore(db),
    tokens: createTokensStore(db, now),
    userTokens: createUserTokensStore(db),
    pushSettings,
    userEntities: createUserEntityCache(createUserWithPushQuery(db), watchUserChanges(db)),
    devices: createDevicesStore(db),
    blockQueries: createBlockQueries(db),
    contactQueries: createContactQueries(db),
    globalMutes: createGlobalMutesStore(db),
    attributes: createAttributesStore(db),
    transaction: <T>(work: () => T): T => inTransaction(db, work),
    close: () => db.close(),
  };
}

export type Store = ReturnType<typeof createStore>;
