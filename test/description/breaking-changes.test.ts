// `npm run diff` (scripts/diff.ts, oasdiff): a breaking change fails unless the release declares
// it, and breaking changes are told apart by who they break. Edits a copy of the bundle.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOasdiff } from '../../scripts/oasdiff.ts';
import { projectRoot } from '../support/servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'easemob-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = { info: { version: string }; components: { schemas: Record<string, any> } };
const bundle = () => JSON.parse(readFileSync(join(projectRoot, 'generated/openapi.json'), 'utf8')) as Bundle;

// Each edit is diffed against the bundle as it is, so that what it shows is the edit alone,
// whatever the bundle already changed since the last release.
const current = join(dir, 'current.json');
writeFileSync(current, JSON.stringify(bundle()));

/** `node scripts/diff.ts ARGS` in the project root: its exit status and what it printed. */
function runDiff(args: string[] = []): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/diff.ts', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, output: stdout + stderr }));
  });
}

function diff(name: string, edit: (b: Bundle) => void, changelog = '') {
  const revised = bundle();
  edit(revised);
  const revision = join(dir, `${name}.json`);
  const changelogFile = join(dir, `${name}.md`);
  writeFileSync(revision, JSON.stringify(revised));
  writeFileSync(changelogFile, changelog);
  return runDiff(['--base', current, '--revision', revision, '--changelog', changelogFile]);
}

const newRequiredRequestField = (b: Bundle) => {
  const change = b.components.schemas.PasswordChange;
  change.properties.oldpassword = { type: 'string' };
  change.required = [...change.required, 'oldpassword'];
};
const retypedResponseField = (b: Bundle) => {
  b.components.schemas.User.properties.activated = { type: 'string' };
};

// Built once before the cases run side by side: on a cold Go cache each would build it on its own
// (a minute of both cores each; five of them beside the rest of the suite passed 300 s).
beforeAll(async () => void (await ensureOasdiff()), 600_000);

// Side by side (issue 10): each case diffs files of its own.
describe.concurrent('npm run diff', { timeout: 60_000 }, () => {
  it('passes the bundle against the committed baseline: what it breaks, CHANGELOG.md declares', async () => {
    const run = await runDiff();
    expect(run.output).toMatch(/nothing breaks callers or readers|breaking changes declared/);
    expect(run.status).toBe(0);
  });

  it('shows nothing for an unchanged bundle, and a renamed operationId as breaking callers', async () => {
    expect((await diff('same', () => {})).output).toContain('nothing breaks callers or readers');
    const renamed = await diff('renamed', (b) => {
      (b as unknown as { paths: Record<string, Record<string, { operationId?: string }>> }).paths['/users/{username}']!.get!.operationId = 'fetchUser';
    });
    expect(renamed.status).toBe(1);
    expect(renamed.output).toMatch(/Breaks callers \(requests\) \(1\)\n.*getUser.*\[api-operation-id-removed\]/);
  });

  it('fails on a new required request field, listed as breaking callers', async () => {
    const run = await diff('callers', newRequiredRequestField);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Breaks callers \(requests\) \(1\)\n.*oldpassword.*\[new-required-request-property\]/);
    expect(run.output).toMatch(/Breaks readers \(responses\) \(0\)/);
  });

  it('fails on a retyped response field, listed as breaking readers', async () => {
    const run = await diff('readers', retypedResponseField);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Breaks callers \(requests\) \(0\)/);
    expect(run.output).toMatch(/Breaks readers \(responses\) \([1-9]\d*\)\n.*activated/);
  });

  it('passes a breaking change that a new info.version and its changelog section declare', async () => {
    const declared = (b: Bundle) => {
      newRequiredRequestField(b);
      b.info.version = '2016.0.0';
    };
    const changelog = '# Changelog\n\n## 2016.0.0\n\n### Breaking\n- resetPassword needs oldpassword\n\n## 2015.1.0\n- first\n';
    expect((await diff('declared', declared, changelog)).status).toBe(0);
    // The version alone, or a section without "### Breaking", is not enough.
    expect((await diff('undeclared-version', declared, '# Changelog\n\n## 2016.0.0\n- resetPassword needs oldpassword\n')).status).toBe(1);
    expect((await diff('same-version', newRequiredRequestField, changelog)).status).toBe(1);
  });
});
