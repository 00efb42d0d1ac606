// POST /contacts/check (checkContacts): body {"username", "check_list": [1..100]}; one
// {username, relation: "friend" | "not_friend"} per name, in `entities`, in the order sent
// (user_friend_check.md). Names nobody has are not_friend. The owner must exist (404; the page
// is silent) and not be deactivated (403 forbidden_service_operation, on the page).
import type { Handler } from '../context.ts';
import { resultEnvelope } from '../http/envelope.ts';
import { readRelationCheck } from '../validation/relation-check.ts';

export const checkContacts: Handler = (ctx) => {
  const { owner, names } = readRelationCheck(ctx);
  const results = names.map((name) => {
    const user = ctx.store.users.find(ctx.app.id, name);
    const friend = user !== undefined && ctx.store.contactQueries.isContact(owner.seq, user.seq);
    return { username: name, relation: friend ? 'friend' : 'not_friend' };
  });
  return { body: resultEnvelope(ctx, { action: 'post', path: '/contacts/check' }, results) };
};
