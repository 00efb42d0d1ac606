// The package as other teams get it: packed, installed into a fresh project, type-checked by
// their tsc and run against the Prism mock. Nothing comes from the internet: npm installs from
// the tarball and its local cache.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startPrism, type RunningPrism } from '../support/servers.ts';

const run = promisify(execFile);
const bin = (tool: string) => join(projectRoot, 'node_modules/.bin', tool);

let workDir: string;
let prism: RunningPrism;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'easemob-pack-'));
  prism = await startPrism();
});

afterAll(async () => {
  await prism?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('installs from its tarball, type-checks in a consumer project and calls the mock', { timeout: 90_000 }, async () => {
    // `npm pack` runs prepack, which builds dist/client.
    const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: projectRoot });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('dist/client/index.js');
    expect(paths).toContain('dist/client/index.d.ts');
    expect(paths).toContain('generated/schema.d.ts');
    expect(paths).toContain('dist/cli/easemob-users.js');
    expect(paths.some((p) => p.startsWith('dist/docs') || p.startsWith('src/') || p.startsWith('test/'))).toBe(false);

    const consumer = join(workDir, 'consumer');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', join(workDir, filename), '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: consumer });

    // Strict settings and no skipLibCheck: the package's own .d.ts files are checked too.
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          lib: ['ES2023', 'DOM'],
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    await writeFile(
      join(consumer, 'consumer.ts'),
      `import { createEasemobClient, EasemobError, type User } from 'easemob-user-api';

const client = createEasemobClient({ baseUrl: ${JSON.stringify(prism.baseUrl)}, clientId: 'YXA6client', clientSecret: 'YXA6secret' });
const { data } = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } });
const user: User | undefined = data.entities[0];
const refused = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } }, headers: { Prefer: 'code=404' } })
  .then(() => undefined, (error: unknown) => (error instanceof EasemobError ? error.status : 'not an EasemobError'));
console.log(JSON.stringify({ username: user?.username, refused }));
`,
    );
    await run(bin('tsc'), ['-p', consumer]);

    const { stdout } = await run(bin('node'), ['consumer.ts'], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ username: expect.any(String), refused: 404 });

    // The import command is installed as a bin.
    const { stdout: help } = await run(join(consumer, 'node_modules/.bin/easemob-users'), ['--help']);
    expect(help).toContain('Usage: easemob-users import FILE');
  });
});
