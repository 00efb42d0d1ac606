// The body of PUT /users/{username}: the nickname and the push settings the SDKs send
// (docs/sources.md, "What real clients send": PUT /users/{username}), and the device's push
// binding the web SDK's uploadPushToken sends (device_id, device_token, notifier_name;
// easemob-websdk 4.21.1). Any one of them alone is an update; a body with none of them is bad
// input, as is a field of the wrong type or out of range. Properties the service does not know
// are ignored.
import { errors } from '../http/api-error.ts';
import type { PushSettings } from '../storage/push-settings-store.ts';
import { checkNickname, isObject } from './user-fields.ts';

export interface UserUpdate {
  nickname: string | undefined;
  push: PushSettings;
}

const FIELDS = [
  'nickname',
  'notification_display_style',
  'notification_no_disturbing',
  'notification_no_disturbing_start',
  'notification_no_disturbing_end',
  'device_id',
  'device_token',
  'notifier_name',
];

/** The binding's strings, at most as long as the description allows; empty unbinds. */
function bindingText(name: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.length > maxLength) throw errors.illegalArgument(`${name} must be a string of at most ${maxLength} characters`);
  return value;
}

/** 0 or 1, as a number or as the string the docs' example and the Java SDK 1.x send. */
function displayStyle(value: unknown): 0 | 1 {
  if (value === 0 || value === '0') return 0;
  if (value === 1 || value === '1') return 1;
  throw errors.illegalArgument('notification_display_style must be 0 or 1');
}

/** An hour from 0 to 24 (the 2015 guide's answers show an end hour of 24), as a number or a string of digits (the SDKs send strings). */
function hour(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,2}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 24) throw errors.illegalArgument(`${name} must be an hour from 0 to 24`);
  return n;
}

// Only a field left out is not given: `null` is a wrong type like any other (docs/sources.md,
// "What real clients send": wrong types are bad input), and answers 400.
const given = (value: unknown) => value !== undefined;

export function parseUserUpdate(body: unknown): UserUpdate {
  if (!isObject(body) || !FIELDS.some((field) => given(body[field]))) {
    throw errors.illegalArgument('nickname or a notification setting is required');
  }
  const push: PushSettings = {};
  if (given(body.notification_display_style)) push.displayStyle = displayStyle(body.notification_display_style);
  if (given(body.notification_no_disturbing)) {
    if (typeof body.notification_no_disturbing !== 'boolean') throw errors.illegalArgument('notification_no_disturbing must be true or false');
    push.noDisturbing = body.notification_no_disturbing;
  }
  if (given(body.notification_no_disturbing_start)) push.noDisturbingStart = hour('notification_no_disturbing_start', body.notification_no_disturbing_start);
  if (given(body.notification_no_disturbing_end)) push.noDisturbingEnd = hour('notification_no_disturbing_end', body.notification_no_disturbing_end);
  // device_id names the device the binding is for; the entity does not show it (the vendor's
  // get-user page lists notifier_name and device_token only), so it is checked, not kept.
  if (given(body.device_id)) bindingText('device_id', body.device_id, 256);
  if (given(body.notifier_name)) push.notifierName = bindingText('notifier_name', body.notifier_name, 256);
  if (given(body.device_token)) push.deviceToken = bindingText('device_token', body.device_token, 512);
  return { nickname: given(body.nickname) ? checkNickname(body.nickname) : undefined, push };
}
