// A stored user as the API shows it. Never the password hash.
import type { components } from '../../generated/schema.d.ts';
import type { UserRecord } from './storage/users-store.ts';

export type UserEntity = components['schemas']['User'];

export function toUserEntity(user: UserRecord): UserEntity {
  const entity: UserEntity = {
    uuid: user.uuid,
    type: 'user',
    created: user.created,
    modified: user.modified,
    username: user.username,
    activated: user.activated,
  };
  if (user.nickname !== undefined) entity.nickname = user.nickname;
  return entity;
}
