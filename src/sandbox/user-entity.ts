// A stored user as the API shows it, with its push settings where the operation shows them.
// Never the password hash.
import type { components } from '../../generated/schema.d.ts';
import type { PushSettings } from './storage/push-settings-store.ts';
import type { UserRecord } from './storage/users-store.ts';

export type UserEntity = components['schemas']['User'];

/** What an entity shows of a stored user. */
export type UserView = Pick<UserRecord, 'uuid' | 'username' | 'nickname' | 'activated' | 'created' | 'modified'>;

export function toUserEntity(user: UserView): UserEntity {
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

/** The entity with the push settings that were set (the answers of updateUser and getUser). */
export function toUserEntityWithPush(user: UserView, push: PushSettings): UserEntity {
  const entity = toUserEntity(user);
  if (push.displayStyle !== undefined) entity.notification_display_style = push.displayStyle;
  if (push.noDisturbing !== undefined) entity.notification_no_disturbing = push.noDisturbing;
  if (push.noDisturbingStart !== undefined) entity.notification_no_disturbing_start = push.noDisturbingStart;
  if (push.noDisturbingEnd !== undefined) entity.notification_no_disturbing_end = push.noDisturbingEnd;
  // An empty value unbinds: the vendor's get-user page leaves the field out when none is set.
  if (push.notifierName) entity.notifier_name = push.notifierName;
  if (push.deviceToken) entity.device_token = push.deviceToken;
  return entity;
}
