// POST /users/{username}/contacts/import?isSendNotice= (importContacts): body {"usernames":
// [1..10]}; each becomes a mutual contact (as addContact), and the answer sorts the names into
// success / NotExistFailed / maxLimitFailed / UnKnowFailed (user_friend_import.md). A user at
// its contact limit is refused with 403 exceed_limit; one that reaches it midway gets the rest
// in maxLimitFailed. The sandbox's limit is the later docs' 3000 contacts a user.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { duration } from '../http/envelope.ts';
import { parseFlag } from '../validation/query-flag.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_IMPORT = 10;
export const MAX_CONTACTS = 3000;

export const importContacts: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.username);
  parseFlag(ctx.query.get('isSendNotice'), 'isSendNotice'); // the sandbox has no client SDKs to notify
  const body = isObject(ctx.body) ? ctx.body : {};
  if (!Array.isArray(body.usernames) || body.usernames.length < 1) throw errors.illegalArgument('usernames is required');
  if (body.usernames.length > MAX_IMPORT) throw errors.illegalArgument(`request user over flow limit:${MAX_IMPORT}.`);
  const names = (body.usernames as unknown[]).map((name) => checkUsername(name));
  if (ctx.store.contactQueries.count(owner.seq) >= MAX_CONTACTS) {
    throw errors.contactLimitReached();
  }
  const data = { success: [] as string[], NotExistFailed: [] as string[], maxLimitFailed: [] as string[], UnKnowFailed: [] as string[] };
  ctx.store.transaction(() => {
    for (const name of names) {
      const friend = ctx.store.users.find(ctx.app.id, name);
      if (!friend) data.NotExistFailed.push(name);
      else if (friend.seq === owner.seq) data.UnKnowFailed.push(name);
      else if (ctx.store.contactQueries.isContact(owner.seq, friend.seq)) data.success.push(name);
      else if (ctx.store.contactQueries.count(owner.seq) >= MAX_CONTACTS) data.maxLimitFailed.push(name);
      else {
        ctx.store.relations.addContact(owner.seq, friend.seq, ctx.now);
        data.success.push(name);
      }
    }
  });
  return { body: { status: 'ok', timestamp: ctx.now, action: 'post', data, duration: duration(ctx) } };
};
