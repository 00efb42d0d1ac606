// App tokens: 192 random bits behind the `YWMt` prefix the service's tokens carry. Only their
// SHA-256 digest is stored or compared.
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'YWMt';
const WELL_FORMED = /^YWMt[A-Za-z0-9_-]{16,1020}$/;

export function newAppToken(): string {
  return PREFIX + randomBytes(24).toString('base64url');
}

/** Whether the string could be a token of this service at all (else it is "corrupt"). */
export function isWellFormedToken(token: string): boolean {
  return WELL_FORMED.test(token);
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
