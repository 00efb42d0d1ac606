// Replays of the vendor's web SDK 4.x (npm easemob-websdk@4.1.6, Easemob-chat.js, minified; the
// functions are named by what they log or report). Its XHR helper opens with `e.type || "POST"`,
// sets each of the call's headers, and adds `Content-Type: application/json` when the call has
// no header spelt exactly that way: the signup and login calls spell theirs `Content-type`, so the
// browser sends both, joined: `application/json, application/json`. JSON content types make the
// browser preflight each call.
// Calls: the signup (reported as RESISTER) POST /users {username, password, nickname || ""} with
// no token (open registration); the password login (grantType "password", reported as
// LOGIN_BY_PWD) POST /token {grant_type, username, password, timestamp}; updateCurrentUserNick
// PUT /users/{user} {nickname} with the user's own token.
// What it reads: login reads `access_token` and `expires_in` (and `error_description` on failure);
// the signup resolves with the whole answer; updateCurrentUserNick returns the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReadableByPage, xhr, preflight } from './support/browser.ts';
import { replay, startCompatTarget, type CompatTarget } from './support/replay.ts';

let target: CompatTarget;
let userToken: string;

beforeAll(async () => {
  target = await startCompatTarget({ apps: [{ org: 'easemob-demo', app: 'chatdemoui', openRegistration: true }] });
});
afterAll(() => target.stop());

const BOTH_CONTENT_TYPES: Array<[string, string]> = [['Content-Type', 'application/json, application/json']];

describe('websdk 4.x', () => {
  it('signup: preflight, then POST /users with no token', async () => {
    await preflight(target, 'POST', '/users', 'content-type');
    const answer = await replay(target, xhr('POST', '/users', BOTH_CONTENT_TYPES, { username: 'web4user', password: 'web4-pw', nickname: '' }));
    expect(answer.status, answer.text).toBe(200);
    expectReadableByPage(answer);
    expect(answer.json.entities[0].username).toBe('web4user');
  });

  it('open (password login): preflight, then POST /token with grant_type password and timestamp', async () => {
    await preflight(target, 'POST', '/token', 'content-type');
    const answer = await replay(target, xhr('POST', '/token', BOTH_CONTENT_TYPES, { grant_type: 'password', username: 'web4user', password: 'web4-pw', timestamp: 1767225600000 }));
    expect(answer.status, answer.text).toBe(200);
    expectReadableByPage(answer);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
    userToken = answer.json.access_token as string;
  });

  it('open with a wrong password: the page can read error_description', async () => {
    const answer = await replay(target, xhr('POST', '/token', BOTH_CONTENT_TYPES, { grant_type: 'password', username: 'web4user', password: 'wrong', timestamp: 1767225600000 }));
    expect(answer.status).toBe(400);
    expectReadableByPage(answer);
    expect(typeof answer.json.error_description).toBe('string');
  });

  it("updateCurrentUserNick: preflight, then PUT /users/{user} with the user's own token", async () => {
    await preflight(target, 'PUT', '/users/web4user', 'authorization,content-type');
    const answer = await replay(target, xhr('PUT', '/users/web4user', [['Authorization', `Bearer ${userToken}`], ['Content-Type', 'application/json']], { nickname: '网页用户' }));
    expect(answer.status, answer.text).toBe(200);
    expectReadableByPage(answer);
    expect(answer.json.entities[0].nickname).toBe('网页用户');
  });
});
