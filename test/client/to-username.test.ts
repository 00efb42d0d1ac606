import { describe, expect, it } from 'vitest';
import { toUsername } from '../../src/client/index.ts';

const VALID = /^[a-z0-9_.-]{1,64}$/; // the service's pattern, lowercase, within 64 bytes

describe('toUsername', () => {
  const ids = [
    'Zoë.Li@example.com',
    'zoe.li@example.com',
    'ZOE.LI@EXAMPLE.COM',
    '42',
    '张伟',
    '   ',
    'a'.repeat(500),
    'a'.repeat(499) + 'b',
    'user+tag@example.com',
    'user tag@example.com',
    '----',
  ];

  it('always gives a lowercase username within the pattern and 64 bytes', () => {
    for (const id of ids) {
      const username = toUsername(id);
      expect(username, id).toMatch(VALID);
      expect(Buffer.byteLength(username), id).toBeLessThanOrEqual(64);
    }
  });

  it('is deterministic and keeps the readable part', () => {
    expect(toUsername('Zoë.Li@example.com')).toBe(toUsername('Zoë.Li@example.com'));
    expect(toUsername('Zoë.Li@example.com')).toMatch(/^zoe\.li_example\.com_[a-z2-7]{16}$/);
    // Pinned: changing the mapping would orphan every account created with the old one.
    expect(toUsername('Zoë.Li@example.com')).toBe('zoe.li_example.com_27rk3hdj2xltjo6y');
  });

  it('gives different ids different usernames, even when their readable parts are equal', () => {
    const usernames = new Set(ids.map((id) => toUsername(id)));
    expect(usernames.size).toBe(ids.length);
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => toUsername(`user-${i}@example.com`, { readable: false })));
    expect(many.size).toBe(20_000);
  });

  it('can hide the id entirely', () => {
    expect(toUsername('zoe.li@example.com', { readable: false })).toMatch(/^[a-z2-7]{16}$/);
  });

  it('refuses an empty id', () => {
    expect(() => toUsername('')).toThrow(TypeError);
  });
});
