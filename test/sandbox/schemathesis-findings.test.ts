// What Schemathesis (npm run test:schemathesis, issue 12) found in the sandbox, held here so a
// focused run catches it without Python.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

describe('registration with a null nickname', () => {
  let test: TestSandbox;
  beforeAll(async () => {
    test = await startTestSandbox();
  });
  afterAll(() => test.sandbox.close());

  it('is a wrong type, rejected alone or in a batch, and registers nobody', async () => {
    const single = await test.api('POST', '/users', { json: { username: 'n1', password: 'secret-1', nickname: null } });
    expectError(single, 400, 'illegal_argument');
    const batch = await test.api('POST', '/users', {
      json: [{ username: 'n2', password: 'secret-1' }, { username: 'n3', password: 'secret-1', nickname: null }],
    });
    expectError(batch, 400, 'illegal_argument');
    for (const name of ['n1', 'n2', 'n3']) {
      expect((await test.api('GET', `/users/${name}`)).status).toBe(404);
    }
  });
});
