// The README's curl block, run as a newcomer runs it: in a shell where the `export EASEMOB_…`
// lines `npm start` prints were pasted, against a sandbox. It must register and find the user.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLines } from '../../src/cli/sandbox-banner.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { projectRoot } from '../support/servers.ts';

const run = promisify(execFile);
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: 'off' });
});
afterAll(() => sandbox.close());

function curlBlock(): string {
  const readme = readFileSync(`${projectRoot}README.md`, 'utf8');
  const block = /\*\*curl\*\*[^\n]*\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no **curl** block');
  return block;
}

describe("the README's curl examples", () => {
  it('register and look up a user with the pasted export lines, each JSON body sent as JSON', { timeout: 30_000 }, async () => {
    const block = curlBlock();
    const commands = block.replace(/\\\n/g, ' ').split('\n').filter((command) => / -d /.test(command));
    expect(commands).toHaveLength(2);
    for (const command of commands) expect(command).toContain("-H 'Content-Type: application/json'");
    const pasted = exportLines(sandbox.apps[0]!, false).join('\n');
    // The variables come only from the pasted lines: none is inherited from this process.
    const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', `${pasted}\n${block}`], { env, cwd: projectRoot });
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line) as { entities?: Array<{ username: string }>; error?: string });
    expect(answers).toHaveLength(2);
    expect(answers.map((a) => a.error)).toEqual([undefined, undefined]);
    expect(answers.map((a) => a.entities?.[0]?.username)).toEqual(['jliu', 'jliu']);
  });
});
