import { createHash } from 'node:crypto';
import { REQUEST_LIMITS } from '../../../generated/request-limits.js';

export interface ToUsernameOptions {
  /**
   * Start the username with a readable form of the id (default true). Other chat users may see
   * Easemob IDs: pass false when the id (an email address, a phone number) must stay private.
   */
  readable?: boolean | undefined;
}

const MAX_BYTES = REQUEST_LIMITS.username.maxBytes;
const HASH_CHARS = 16; // 16 base32 characters = 80 bits of SHA-256
const READABLE_MAX = MAX_BYTES - HASH_CHARS - 1; // room for the readable part and a `_`
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Derives a valid Easemob username from an application's own user id (an email address, a
 * database key, ...), as the seed asks apps to do.
 *
 * - Deterministic: the same id always gives the same username, on any machine.
 * - Valid: only `[a-z0-9_.-]`, 17 to 64 bytes, lowercase (Easemob ignores case, so lowercase
 *   output cannot collide with another spelling of itself).
 * - Low collision risk: it ends in 80 bits of SHA-256 of the exact id, so two different ids
 *   collide with probability about n²/2⁸¹ for n users (around 4·10⁻⁷ for a billion), and
 *   nobody can pick an id that lands on someone else's username. The readable prefix (the id
 *   lowercased, accents dropped, other characters turned into `_`, cut to 47) is for people
 *   only. Ids are compared exactly: lowercase emails yourself first if `A@x.com` and `a@x.com`
 *   are one user to you.
 *
 * `toUsername('Zoë.Li@example.com')` → `zoe.li_example.com_` + 16 hash characters.
 */
export function toUsername(appUserId: string, options: ToUsernameOptions = {}): string {
  if (appUserId === '') throw new TypeError('toUsername needs a non-empty id');
  const hash = base32(createHash('sha256').update(appUserId, 'utf8').digest()).slice(0, HASH_CHARS);
  if (options.readable === false) return hash;
  const readable = appUserId
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .slice(0, READABLE_MAX)
    .replace(/^[_.-]+|[_.-]+$/g, '');
  return readable === '' ? hash : `${readable}_${hash}`;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
