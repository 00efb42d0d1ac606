#!/usr/bin/env node
// The `easemob-sandbox` bin (`npx easemob-sandbox`, same flags as `npm start`). The sandbox
// stores its data with node:sqlite, which older Node versions lack: say so in one line before
// anything else is loaded, instead of a stack trace from a failed import. The client and the
// `easemob-users` command need no such check: they run from Node 20.
try {
  await import('node:sqlite');
} catch {
  console.error(
    `easemob-sandbox: needs node:sqlite, in Node.js 22.13 or later (22.5 to 22.12 with --experimental-sqlite); this is Node.js ${process.versions.node}`,
  );
  process.exit(1);
}
await import('./sandbox.ts');
