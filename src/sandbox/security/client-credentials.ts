// App client credentials: generation, and comparison in constant time (digests of equal length,
// so neither the content nor the length of the secret leaks through timing).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newClientId(): string {
  return 'YXA6' + randomBytes(16).toString('base64url');
}

export function newClientSecret(): string {
  return 'YXA6' + randomBytes(24).toString('base64url');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
