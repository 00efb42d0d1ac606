// POST /users/{username}/deactivate and /activate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('zw123');
});
afterAll(() => t.sandbox.close());

describe('deactivate and activate', () => {
  it('deactivates (entity with activated false, user taken offline), then activates', async () => {
    await t.control('PUT', '/easemob-demo/chatdemoui/users/zw123/online', { online: true });
    const deactivated = await t.api('POST', '/users/ZW123/deactivate');
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ action: 'Deactivate user', entities: [{ username: 'zw123', activated: false }] });
    expect((await t.api('GET', '/users/zw123')).body.entities[0].activated).toBe(false);
    expect((await t.api('GET', '/users/zw123/status')).body.data).toEqual({ zw123: 'offline' });
    const activated = await t.api('POST', '/users/zw123/activate');
    expect(activated.status).toBe(200);
    expect(Object.keys(activated.body).sort()).toEqual(['action', 'duration', 'timestamp']);
    expect(activated.body.action).toBe('activate user');
    expect((await t.api('GET', '/users/zw123')).body.entities[0].activated).toBe(true);
  });

  it('answers 404 for unknown users', async () => {
    expectError(await t.api('POST', '/users/nobody/deactivate'), 404, 'service_resource_not_found');
    expectError(await t.api('POST', '/users/nobody/activate'), 404, 'service_resource_not_found');
  });
});
