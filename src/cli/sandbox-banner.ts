// The `export EASEMOB_…` lines `npm start` prints: pasted into a shell, they point curl (README),
// the client, the import command and the contract suite at the sandbox's first app.
import type { SandboxApp } from '../sandbox/index.ts';

/** Single-quoted for POSIX shells; the sandbox's own values never hold a quote. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function exportLines(app: Pick<SandboxApp, 'baseUrl' | 'clientId' | 'clientSecret'>, secretSupplied: boolean): string[] {
  return [
    `  export EASEMOB_BASE_URL=${quote(app.baseUrl)}`,
    `  export EASEMOB_CLIENT_ID=${quote(app.clientId)}`,
    // A secret someone configured is theirs to have: it is never printed (DEVELOPERS.md, secrets).
    secretSupplied ? `  # EASEMOB_CLIENT_SECRET: the secret you configured` : `  export EASEMOB_CLIENT_SECRET=${quote(app.clientSecret)}`,
  ];
}
