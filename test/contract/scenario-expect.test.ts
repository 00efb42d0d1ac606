// The scenarios' assertions (src/contract/suite/expect.ts) decide every verdict of the contract
// suite and of easemob-contract: each matcher must fail where vitest's would, not only pass.
import { AssertionError } from 'node:assert';
import { describe, expect as vitestExpect, it } from 'vitest';
import { expect } from '../../src/contract/suite/expect.ts';

const fails = (assertion: () => void): AssertionError => {
  try {
    assertion();
  } catch (error) {
    vitestExpect(error).toBeInstanceOf(AssertionError);
    return error as AssertionError;
  }
  throw new Error('the assertion passed');
};

describe('the scenarios\' expect', () => {
  it.each([
    ['toBe', () => expect(200).toBe(200), () => expect(200).toBe(404)],
    ['toBe (identity, not deep)', () => expect('a').toBe('a'), () => expect({ a: 1 }).toBe({ a: 1 })],
    ['toEqual', () => expect({ a: [1, { b: 'x' }] }).toEqual({ a: [1, { b: 'x' }] }), () => expect({ a: [1, { b: 'x' }] }).toEqual({ a: [1, { b: 'y' }] })],
    ['toEqual (array order)', () => expect([1, 2]).toEqual([1, 2]), () => expect([1, 2]).toEqual([2, 1])],
    ['toMatchObject', () => expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } }), () => expect({ a: 1, b: { c: 2 } }).toMatchObject({ b: { c: 3 } })],
    ['toBeUndefined', () => expect(undefined).toBeUndefined(), () => expect(null).toBeUndefined()],
    ['toBeGreaterThan', () => expect(2).toBeGreaterThan(1), () => expect(1).toBeGreaterThan(1)],
    ['toBeGreaterThanOrEqual', () => expect(1).toBeGreaterThanOrEqual(1), () => expect('2').toBeGreaterThanOrEqual(1)],
    ['toBeLessThan', () => expect(499).toBeLessThan(500), () => expect(500).toBeLessThan(500)],
    ['toBeLessThanOrEqual', () => expect(2).toBeLessThanOrEqual(2), () => expect(3).toBeLessThanOrEqual(2)],
    ['toContain (string)', () => expect('abc').toContain('b'), () => expect('abc').toContain('d')],
    ['toContain (array)', () => expect(['a', 'b']).toContain('b'), () => expect(['a']).toContain('b')],
    ['toContainEqual', () => expect([{ a: 1 }]).toContainEqual({ a: 1 }), () => expect([{ a: 1 }]).toContainEqual({ a: 2 })],
    ['toMatch', () => expect('Passw0rd').toMatch(/w0r/), () => expect('x').toMatch(/y/)],
    ['toHaveLength', () => expect([1, 2]).toHaveLength(2), () => expect([1]).toHaveLength(2)],
    ['toBeInstanceOf', () => expect(new RangeError('x')).toBeInstanceOf(Error), () => expect({}).toBeInstanceOf(Error)],
    ['not', () => expect('abc').not.toContain('d'), () => expect('abc').not.toContain('b')],
  ] as const)('%s passes and fails as it should', (_name, passes, failing) => {
    passes();
    fails(failing);
  });

  it('says what it expected, with the scenario\'s message, and carries actual and expected for a diff', () => {
    const error = fails(() => expect(400, 'createUsers invalid body #3').toBeLessThan(400));
    vitestExpect(error.message).toBe('createUsers invalid body #3: expected 400 to be less than 400');
    vitestExpect([error.actual, error.expected]).toEqual([400, 400]);
  });
});
