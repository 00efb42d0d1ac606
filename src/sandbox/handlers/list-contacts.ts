// GET /users/{owner_username}/contacts/users (listContacts): usernames in `data`. With
// `needReturnRemark=true`, `entities` also lists each contact as `{username, remark}` (remark null
// when none was set): the web SDK's getAllContacts sends that flag and reads its contacts and
// remarks from `entities` (easemob-websdk 4.21.1).
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';
import { parseFlag } from '../validation/query-flag.ts';

export const listContacts: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const withRemarks = parseFlag(ctx.query.get('needReturnRemark'), 'needReturnRemark');
  if (!withRemarks) return { body: envelope(ctx, { action: 'get', data: ctx.store.relations.contacts(owner.seq), echo: ['needReturnRemark'] }) };
  // One read gives both lists: the usernames in `data` are those of `entities`, in their order.
  const entities = ctx.store.contactQueries.all(owner.seq).map((row) => ({ username: row.username, remark: row.remark }));
  return { body: envelope(ctx, { action: 'get', entities, data: entities.map((contact) => contact.username), echo: ['needReturnRemark'] }) };
};
