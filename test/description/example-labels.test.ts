// Example labels are what a reader picks from in the docs page's example chooser: short enough
// to show whole, saying what the example is. Where it comes from goes in its description.
import { describe, expect, it } from 'vitest';
import { loadDescription } from '../../src/contract/description.ts';

const { examples } = loadDescription().components as { examples: Record<string, { summary?: string; description?: string }> };

describe.each(Object.entries(examples))('example %s', (_name, example) => {
  it('has a label of at most 28 characters that names no source', () => {
    expect(example.summary).toBeTruthy();
    expect(example.summary!.length).toBeLessThanOrEqual(28);
    expect(example.summary).not.toMatch(/guide|#|seed/i);
  });

  it('says in its description what it shows', () => {
    expect(example.description?.length ?? 0).toBeGreaterThan(example.summary!.length);
  });
});
