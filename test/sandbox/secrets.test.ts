// Client secrets, tokens and passwords never appear in logs, errors or answers; passwords and
// tokens are not stored as such.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answersSeen, call, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-secrets-'));
const logLines: string[] = [];
let t: TestSandbox;

beforeAll(async () => {
  // Only this file's answers: another file's may precede it in the same worker (isolate: false).
  answersSeen.length = 0;
  t = await startTestSandbox({ db: join(dir, 'secrets.db'), log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await t.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

it('never shows a secret, a token or a password', async () => {
  const password = 'Pa55word-very-secret';
  const newPassword = 'N3w-pa55word-secret';
  const token = await getToken(t.app);
  await call(t.app, 'POST', '/token', { json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: `${t.app.clientSecret}!` } });
  await call(t.app, 'POST', '/token', { raw: `{"client_secret":"${t.app.clientSecret}"` });
  await call(t.app, 'POST', '/users', { token, json: { username: 'secretive', password } });
  await call(t.app, 'POST', '/users', { token, json: { username: 'secretive', password } });
  await call(t.app, 'POST', '/users', { token, json: [{ username: 'secretive', password }] });
  await call(t.app, 'PUT', '/users/secretive/password', { token, json: { newpassword: newPassword } });
  await call(t.app, 'PUT', '/users/secretive/password', { token, raw: `{"newpassword":"${newPassword}"` });
  await call(t.app, 'GET', '/users/secretive', { token: `${token}x` });
  await call(t.app, 'GET', `/users/secretive?token=${token}`, { token });
  await call(t.app, 'GET', '/users?limit=100', { token });

  expect(logLines.length).toBeGreaterThan(5);
  // The token's own answer is the one place a token belongs.
  const answers = answersSeen.filter((text) => !text.includes('"access_token"'));
  expect(answers.length).toBe(answersSeen.length - 2);
  const everything = [...logLines, ...answers].join('\n');
  for (const secret of [t.app.clientSecret, token, t.token, password, newPassword]) expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/scrypt|password_hash/);

  const stored = readFileSync(join(dir, 'secrets.db')).toString('latin1') + readFileSync(join(dir, 'secrets.db-wal'), { flag: 'a+' }).toString('latin1');
  for (const secret of [token, t.token, password, newPassword]) expect(stored).not.toContain(secret);
});
