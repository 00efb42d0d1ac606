import { EasemobError } from '../errors/easemob-error.ts';

// Older versions of the service refuse a taken username with 400
// duplicate_unique_property_exists; later ones answer 200 and list the user in `data` with a
// registerUserFailReason such as "the user already exists".
const ALREADY_EXISTS_REASON = /exist|duplicate/i;

/** Whether a registration failure (a registerUserFailReason, or the error a request failed with) means the username is taken. */
export function isAlreadyExists(failure: unknown): boolean {
  if (typeof failure === 'string') return ALREADY_EXISTS_REASON.test(failure);
  return failure instanceof EasemobError && failure.error === 'duplicate_unique_property_exists';
}
