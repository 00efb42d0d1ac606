// GET /_sandbox/, the link the banner prints: an index of the control API in which every
// control operation is listed, and each listed one is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: 'off' });
});
afterAll(() => sandbox.close());

interface Listed {
  method: string;
  path: string;
  body?: unknown;
  does: string;
}

async function index(path: string): Promise<{ status: number; operations: Listed[] }> {
  const answer = await fetch(sandbox.url + path);
  const body = (await answer.json()) as { operations: Listed[] };
  return { status: answer.status, operations: body.operations };
}

describe('the control API index', () => {
  it('answers at /_sandbox/ and /_sandbox with every control operation described', async () => {
    for (const path of ['/_sandbox/', '/_sandbox']) {
      const { status, operations } = await index(path);
      expect(status).toBe(200);
      expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual([
        'GET /_sandbox/',
        'PUT /_sandbox/{org}/{app}/users/{username}/online',
        'POST /_sandbox/{org}/{app}/users/{username}/offline_messages',
        'PUT /_sandbox/{org}/{app}/registration',
        'POST /_sandbox/{org}/{app}/users/{username}/devices',
        'PUT /_sandbox/{org}/{app}/global_mute',
        'POST /_sandbox/clock',
      ]);
      expect(operations.filter((op) => op.does === '(undocumented)')).toEqual([]);
    }
  });

  it('lists only operations the sandbox serves, with bodies it accepts', async () => {
    const { operations } = await index('/_sandbox/');
    const app = sandbox.apps[0]!;
    // A user for the per-user operations, registered through the API itself.
    const token = (await (await fetch(`${app.baseUrl}/token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    })).json()) as { access_token: string };
    await fetch(`${app.baseUrl}/users`, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}` }, body: '{"username":"ix1","password":"p4ssw0rd"}' });
    for (const op of operations) {
      const url = sandbox.url + op.path.replace('{org}', app.org).replace('{app}', app.app).replace('{username}', 'ix1');
      const answer = await fetch(url, { method: op.method, ...(op.body === undefined ? {} : { body: JSON.stringify(op.body), headers: { 'content-type': 'application/json' } }) });
      expect(answer.status, `${op.method} ${op.path}`).toBeLessThan(300);
    }
  });
});
