// POST /users (createUsers): one user, or a batch of up to 60. In a batch, a user that exists
// (in any letter case) is listed in `data` and the others are created.
import { randomUUID } from 'node:crypto';
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { hashPassword } from '../security/password-hash.ts';
import { toUserEntity, type UserEntity } from '../user-entity.ts';
import { parseRegistrations } from '../validation/registration.ts';

export const createUsers: Handler = async (ctx) => {
  const { batch, users } = parseRegistrations(ctx.body);
  const { store, app } = ctx;
  if (!batch && store.users.find(app.id, users[0]!.username)) throw errors.duplicateUsername(app.uuid, users[0]!.username);

  const hashes = await Promise.all(users.map((user) => hashPassword(user.password, ctx.settings.scryptCost)));
  // From here on, synchronous: the unique index decides who gets a name, in one step.
  const created: UserEntity[] = [];
  const failed: Array<{ username: string; registerUserFailReason: string }> = [];
  store.transaction(() => {
    users.forEach((user, i) => {
      const inserted = store.users.insert(app.id, {
        uuid: randomUUID(),
        username: user.username,
        passwordHash: hashes[i]!,
        nickname: user.nickname,
        now: ctx.now,
      });
      if (inserted === 'duplicate') failed.push({ username: user.username, registerUserFailReason: `the user ${user.username} already exists` });
      else created.push(toUserEntity(inserted));
    });
  });
  if (!batch && failed.length > 0) throw errors.duplicateUsername(app.uuid, users[0]!.username);
  return { body: envelope(ctx, { action: 'post', path: '/users', entities: created, ...(failed.length > 0 ? { data: failed } : {}) }) };
};
