// `npm run diff` (scripts/diff.ts, oasdiff): a breaking change fails unless the release declares
// it, and breaking changes are told apart by who they break. Edits a copy of the bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'easemob-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = { info: { version: string }; components: { schemas: Record<string, any> } };
const bundle = () => JSON.parse(readFileSync(join(projectRoot, 'generated/openapi.json'), 'utf8')) as Bundle;

function runDiff(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/diff.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** The bundle against an edited copy of itself, so only the edit shows, whatever the release holds. */
function diff(name: string, edit: (b: Bundle) => void, changelog = '') {
  const base = join(dir, `${name}.base.json`);
  const revised = bundle();
  writeFileSync(base, JSON.stringify(revised));
  edit(revised);
  const revision = join(dir, `${name}.json`);
  const changelogFile = join(dir, `${name}.md`);
  writeFileSync(revision, JSON.stringify(revised));
  writeFileSync(changelogFile, changelog);
  return runDiff(['--base', base, '--revision', revision, '--changelog', changelogFile]);
}

const newRequiredRequestField = (b: Bundle) => {
  const change = b.components.schemas.PasswordChange;
  change.properties.oldpassword = { type: 'string' };
  change.required = [...change.required, 'oldpassword'];
};
const retypedResponseField = (b: Bundle) => {
  b.components.schemas.User.properties.activated = { type: 'string' };
};

describe('npm run diff', { timeout: 300_000 }, () => {
  it('passes the bundle against the committed baseline, as CHANGELOG.md declares it', () => {
    const run = runDiff([]);
    expect(run.output).toMatch(/✔ (nothing breaks callers or readers|breaking changes declared)/);
    expect(run.status).toBe(0);
  });

  it('passes an unchanged bundle', () => {
    const run = diff('same', () => {});
    expect(run.output).toContain('nothing breaks callers or readers');
    expect(run.status).toBe(0);
  });

  it('fails on a new required request field, listed as breaking callers', () => {
    const run = diff('callers', newRequiredRequestField);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Breaks callers \(requests\) \(1\)\n.*oldpassword.*\[new-required-request-property\]/);
    expect(run.output).toMatch(/Breaks readers \(responses\) \(0\)/);
  });

  it('fails on a retyped response field, listed as breaking readers', () => {
    const run = diff('readers', retypedResponseField);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Breaks callers \(requests\) \(0\)/);
    expect(run.output).toMatch(/Breaks readers \(responses\) \([1-9]\d*\)\n.*activated/);
  });

  it('passes a breaking change that a new info.version and its changelog section declare', () => {
    const declared = (b: Bundle) => {
      newRequiredRequestField(b);
      b.info.version = '2016.0.0';
    };
    const changelog = '# Changelog\n\n## 2016.0.0\n\n### Breaking\n- resetPassword needs oldpassword\n\n## 2015.2.0\n- earlier\n';
    expect(diff('declared', declared, changelog).status).toBe(0);
    // The version alone, or a section without "### Breaking", is not enough.
    expect(diff('undeclared-version', declared, '# Changelog\n\n## 2016.0.0\n- resetPassword needs oldpassword\n').status).toBe(1);
    expect(diff('same-version', newRequiredRequestField, changelog).status).toBe(1);
  });
});
