// Replays of the vendor's web SDK 1.x (npm easemob-websdk@1.8.4, src/connection.js and
// src/utils.js; the same code as easemob/web-im sdk/src). utils.js ajax opens the XHR with
// `options.type || 'POST'` and sends the JSON string with no headers of its own, so the browser
// labels it `text/plain;charset=UTF-8`: a "simple" request, sent without a preflight.
// Calls: connection.prototype.signup POST /users {username, password, nickname || ''} with no
// token (open registration); connection.prototype.open (password login) POST /token
// {grant_type: 'password', username, password, timestamp}.
// What it reads: open's success handler reads `access_token` (_login) and `expires_in`
// (accessTokenExpires); its error handler reads `error` and `error_description`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReadableByPage, xhr } from './support/browser.ts';
import { replay, startCompatTarget, type CompatTarget } from './support/replay.ts';

let target: CompatTarget;

beforeAll(async () => {
  target = await startCompatTarget({ apps: [{ org: 'easemob-demo', app: 'chatdemoui', openRegistration: true }] });
});
afterAll(() => target.stop());

const TEXT_PLAIN: Array<[string, string]> = [['Content-Type', 'text/plain;charset=UTF-8']];

describe('websdk 1.x', () => {
  it('signup: POST /users as text/plain, no token, no preflight', async () => {
    const answer = await replay(target, xhr('POST', '/users', TEXT_PLAIN, { username: 'web1user', password: 'web1-pw', nickname: '' }));
    expect(answer.status, answer.text).toBe(200);
    expectReadableByPage(answer);
    expect(answer.json.entities[0].username).toBe('web1user');
  });

  it('open: POST /token as text/plain with grant_type password and timestamp', async () => {
    const answer = await replay(target, xhr('POST', '/token', TEXT_PLAIN, { grant_type: 'password', username: 'web1user', password: 'web1-pw', timestamp: 1767225600000 }));
    expect(answer.status, answer.text).toBe(200);
    expectReadableByPage(answer);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.access_token).not.toBe('');
    expect(answer.json.expires_in).toBeGreaterThan(0);
  });

  it('open with an unknown user: the error handler reads error and error_description', async () => {
    const answer = await replay(target, xhr('POST', '/token', TEXT_PLAIN, { grant_type: 'password', username: 'nobody1', password: 'x', timestamp: 1767225600000 }));
    expect(answer.status).toBe(404);
    expectReadableByPage(answer);
    expect(answer.json.error).toBe('invalid_grant');
    expect(typeof answer.json.error_description).toBe('string');
  });

  it('signup of a taken name: the error reaches the page', async () => {
    const answer = await replay(target, xhr('POST', '/users', TEXT_PLAIN, { username: 'WEB1USER', password: 'x', nickname: '' }));
    expect(answer.status).toBe(400);
    expectReadableByPage(answer);
    expect(answer.json.error).toBe('duplicate_unique_property_exists');
  });
});
