import { describe, expect, it } from 'vitest';
import { addDevDependencies } from '../../src/cli/add-dev-dependencies.ts';

describe('addDevDependencies', () => {
  const packages = ['ajv', 'fast-check'];
  it.each([
    ['npm/11.19.1 node/v24.21.0 linux x64 workspaces/false', 'npm install --save-dev ajv fast-check'],
    ['pnpm/10.34.9 npm/? node/v24.21.0 linux x64', 'pnpm add --save-dev ajv fast-check'],
    ['yarn/4.18.1 npm/? node/v24.21.0 linux x64', 'yarn add --dev ajv fast-check'],
    ['yarn/1.22.22 npm/? node/v24.21.0 linux x64', 'yarn add --dev ajv fast-check'],
    ['bun/1.3.0 npm/? node/v24.3.0 linux x64', 'bun add --dev ajv fast-check'],
  ])('speaks the language of the package manager that ran the bin (%s)', (userAgent, command) => {
    expect(addDevDependencies(packages, userAgent)).toBe(command);
  });

  it.each([undefined, '', 'deno/2.5.0', 'not a user agent'])("falls back to npm's command when the runner is unknown (%s)", (userAgent) => {
    expect(addDevDependencies(packages, userAgent)).toBe('npm install --save-dev ajv fast-check');
  });
});
