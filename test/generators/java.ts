import type { GeneratorCase } from './harness.ts';
export const javaCases: GeneratorCase[] = [];
