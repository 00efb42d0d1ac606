// The assertions the scenarios make, spelled as vitest's `expect` spells them, over node:assert:
// the scenarios run both under vitest (the repository's contract suite) and in the packaged
// `easemob-contract` command, which must not load a test framework. Only the matchers the
// scenarios use; failures are node:assert AssertionErrors (actual and expected attached, so
// vitest shows its usual diff).
import { AssertionError } from 'node:assert';
import { inspect, isDeepStrictEqual } from 'node:util';

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: 120 });

/** `actual` holds every property of `expected`, recursively (arrays item by item, same length). */
function matchesObject(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matchesObject(actual[i], item));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) => key in actual && matchesObject((actual as Record<string, unknown>)[key], value));
  }
  return Object.is(actual, expected);
}

export class Expectation {
  readonly #actual: unknown;
  readonly #message: string | undefined;
  readonly #negated: boolean;

  constructor(actual: unknown, message: string | undefined, negated = false) {
    this.#actual = actual;
    this.#message = message;
    this.#negated = negated;
  }

  get not(): Expectation {
    return new Expectation(this.#actual, this.#message, !this.#negated);
  }

  #assert(pass: boolean, operator: string, expected: unknown): void {
    if (pass !== this.#negated) return;
    const what = `expected ${show(this.#actual)} ${this.#negated ? 'not ' : ''}${operator} ${show(expected)}`;
    throw new AssertionError({ message: this.#message ? `${this.#message}: ${what}` : what, actual: this.#actual, expected, operator });
  }

  toBe(expected: unknown): void {
    this.#assert(Object.is(this.#actual, expected), 'to be', expected);
  }

  toEqual(expected: unknown): void {
    this.#assert(isDeepStrictEqual(this.#actual, expected), 'to equal', expected);
  }

  toMatchObject(expected: object): void {
    this.#assert(matchesObject(this.#actual, expected), 'to match object', expected);
  }

  toBeUndefined(): void {
    this.#assert(this.#actual === undefined, 'to be', undefined);
  }

  toBeGreaterThan(n: number): void {
    this.#assert(typeof this.#actual === 'number' && this.#actual > n, 'to be greater than', n);
  }

  toBeGreaterThanOrEqual(n: number): void {
    this.#assert(typeof this.#actual === 'number' && this.#actual >= n, 'to be greater than or equal to', n);
  }

  toBeLessThan(n: number): void {
    this.#assert(typeof this.#actual === 'number' && this.#actual < n, 'to be less than', n);
  }

  toBeLessThanOrEqual(n: number): void {
    this.#assert(typeof this.#actual === 'number' && this.#actual <= n, 'to be less than or equal to', n);
  }

  /** A substring of a string, or an item (by identity) of an array. */
  toContain(item: unknown): void {
    const actual = this.#actual;
    const pass = typeof actual === 'string' ? typeof item === 'string' && actual.includes(item) : Array.isArray(actual) && actual.includes(item);
    this.#assert(pass, 'to contain', item);
  }

  /** An item of an array deeply equal to `item`. */
  toContainEqual(item: unknown): void {
    this.#assert(Array.isArray(this.#actual) && this.#actual.some((x) => isDeepStrictEqual(x, item)), 'to contain an item equal to', item);
  }

  toMatch(pattern: RegExp): void {
    this.#assert(typeof this.#actual === 'string' && pattern.test(this.#actual), 'to match', pattern);
  }

  toHaveLength(length: number): void {
    this.#assert((this.#actual as { length?: unknown } | null)?.length === length, 'to have length', length);
  }

  toBeInstanceOf(type: abstract new (...args: never[]) => unknown): void {
    this.#assert(this.#actual instanceof type, 'to be an instance of', type.name);
  }
}

export function expect(actual: unknown, message?: string): Expectation {
  return new Expectation(actual, message);
}
