// GET /user/{username}/contacts?limit=&cursor=&needReturnRemark= (listContactsPage): one page of
// contacts, newest first, in data.contacts, with remarks on request (null when none was set),
// `count`, and `data.cursor` while more remain (user_friend_list_paged.md shows no cursor; the
// vendor's clients read it from `data`: the web SDK's getContactsWithCursor, easemob-websdk
// 4.21.1, and the Java SDK 2.0's EMGetContactListResult). The Java SDK 2.0 and the web SDK send
// the same request to /users/{username}/contacts: routes-today.ts serves both.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { decodeRelationCursor, encodeRelationCursor } from '../relation-cursor.ts';
import { parseFlag } from '../validation/query-flag.ts';

export const MAX_CONTACT_PAGE = 50;
const DEFAULT_CONTACT_PAGE = 10;

function parseContactLimit(value: string | null): number {
  if (value === null) return DEFAULT_CONTACT_PAGE;
  const limit = /^-?[0-9]{1,6}$/.test(value) ? Number(value) : NaN;
  if (limit > MAX_CONTACT_PAGE) throw errors.illegalArgument(`getContacts | page size more than max limit : ${MAX_CONTACT_PAGE}`);
  if (!(limit >= 1)) throw errors.illegalArgument(`limit must be between 1 and ${MAX_CONTACT_PAGE}`);
  return limit;
}

export const listContactsPage: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const limit = parseContactLimit(ctx.query.get('limit'));
  const cursor = ctx.query.get('cursor');
  const withRemarks = parseFlag(ctx.query.get('needReturnRemark'), 'needReturnRemark');
  const from = decodeRelationCursor(cursor);
  const rows = ctx.store.contactQueries.page(user.seq, from, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeRelationCursor(last) : undefined;
  const contacts = page.map((row) => (withRemarks ? { remark: row.remark, username: row.username } : { username: row.username }));
  return {
    body: envelope(ctx, {
      action: 'get',
      data: { contacts, ...(next ? { cursor: next } : {}) },
      echo: ['limit', 'cursor', 'needReturnRemark'],
      count: page.length,
    }),
  };
};
