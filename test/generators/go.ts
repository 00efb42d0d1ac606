import type { GeneratorCase } from './harness.ts';
export const goCases: GeneratorCase[] = [];
