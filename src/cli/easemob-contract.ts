#!/usr/bin/env node
// The `easemob-contract` bin (`npx easemob-contract --help`): the contract scenarios of
// `npm run test:contract`, run against any app. The checker validates with Ajv, and the negative
// scenarios draw their invalid inputs with fast-check: optional peer dependencies of the
// package, which client users never install. Their absence is said in one line, before
// anything that needs them is loaded, with the install command of the package manager that ran it.
import { addDevDependencies } from './add-dev-dependencies.ts';

const needed = ['ajv', 'ajv-formats', 'fast-check'];
const missing: string[] = [];
for (const name of needed) {
  try {
    await import(name);
  } catch {
    missing.push(name);
  }
}
if (missing.length) {
  console.error(`easemob-contract: needs ${missing.join(', ')} beside easemob-user-api: ${addDevDependencies(needed)}`);
  process.exit(2);
}
await import('./contract/main.ts');
