import type { GeneratorCase } from './harness.ts';
export const pythonCases: GeneratorCase[] = [];
