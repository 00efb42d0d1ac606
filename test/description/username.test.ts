// The Username schema is what generators, validators and test tools (Specmatic draws test
// usernames from its pattern) know of the service's rule; the sandbox keeps its own reading of it
// (src/sandbox/validation/user-fields.ts). They must agree on every name, dot segments included.
import { describe, expect, it } from 'vitest';
import { loadDescription, SchemaValidators } from '../../src/contract/description.ts';
import { isPossibleUsername } from '../../src/sandbox/validation/user-fields.ts';

const username = new SchemaValidators(loadDescription()).at('#/components/schemas/Username');
const accepts = (name: string) => username(name) === true;

/** Every string of 1 to `maxLength` characters over `alphabet`. */
function allStrings(alphabet: string[], maxLength: number): string[] {
  const all: string[] = [];
  let level = [''];
  for (let length = 1; length <= maxLength; length++) {
    level = level.flatMap((prefix) => alphabet.map((c) => prefix + c));
    all.push(...level);
  }
  return all;
}

describe('the Username schema', () => {
  it('refuses the dot segments alone, which no URL can name, and takes other names of dots', () => {
    expect(accepts('.')).toBe(false);
    expect(accepts('..')).toBe(false);
    for (const name of ['...', '.a', '..a', 'a.', 'a..', '._', '-.', 'jliu', 'zoe.li_example.com']) expect(accepts(name), name).toBe(true);
  });

  it("agrees with the sandbox's own rule on every name of up to four characters of a mixed alphabet, and at the length limit", () => {
    const names = [...allStrings(['a', 'Z', '0', '_', '-', '.', ' ', '@', 'é'], 4), 'a'.repeat(64), 'a'.repeat(65), '.'.repeat(64)];
    expect(names.length).toBeGreaterThan(7000);
    const disagreements = names.filter((name) => accepts(name) !== isPossibleUsername(name));
    expect(disagreements).toEqual([]);
  });
});
