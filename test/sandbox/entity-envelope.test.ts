// getUser's answer is assembled as text (src/sandbox/http/entity-envelope.ts): it must be byte for
// byte what serializing the envelope object gives (src/sandbox/http/envelope.ts).
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/sandbox/context.ts';
import { entityEnvelope } from '../../src/sandbox/http/entity-envelope.ts';
import { envelope } from '../../src/sandbox/http/envelope.ts';
import type { AppRecord } from '../../src/sandbox/storage/apps-store.ts';
import { toUserEntityWithPush } from '../../src/sandbox/user-entity.ts';

function context(app: AppRecord, baseUrl: string, path: string): RequestContext {
  return {
    app,
    baseUrl,
    path,
    now: 1_772_323_200_123,
    // In the future: `duration` is 0 however long the test takes between the two answers.
    startedAt: performance.now() + 3_600_000,
    query: new URLSearchParams('limit=5&cursor=x'),
    params: {},
    method: 'GET',
  } as Partial<RequestContext> as RequestContext;
}

const apps: AppRecord[] = [
  { id: 1, org: 'easemob-demo', name: 'chatdemoui', uuid: '8be024f0-7da0-11e4-a0d3-a77d2d9f5ba9', clientId: 'c', clientSecret: 's', openRegistration: false },
  { id: 2, org: 'org "quoted" \\ 组织', name: 'app\u2028line', uuid: 'u"u', clientId: 'c', clientSecret: 's', openRegistration: true },
];

const entities = [
  toUserEntityWithPush({ uuid: 'a', username: 'jliu', nickname: undefined, activated: true, created: 1, modified: 2 }, {}),
  toUserEntityWithPush(
    { uuid: 'b', username: 'Zhang.San-1', nickname: '张三 "the" \\ one\u0001', activated: false, created: 1_597_392_393_000, modified: 1_597_392_393_001 },
    { displayStyle: 1, noDisturbing: true, noDisturbingStart: 0, noDisturbingEnd: 24 },
  ),
];

describe('entityEnvelope', () => {
  const write = entityEnvelope('get', '/users');
  for (const app of apps) {
    for (const entity of entities) {
      it(`is JSON.stringify(envelope(...)) for app ${app.id}, user ${entity.username}`, () => {
        for (const [baseUrl, path] of [
          ['http://127.0.0.1:4000/easemob-demo/chatdemoui', '/users/jliu'],
          ['http://[::1]:4000/org%20a/app', '/users/JLiu%2D"x"'],
        ] as const) {
          const ctx = context(app, baseUrl, path);
          const expected = JSON.stringify(envelope(ctx, { action: 'get', path: '/users', entities: [entity] }));
          expect(write(ctx, JSON.stringify(entity))).toBe(expected);
        }
      });
    }
  }

  it('takes an app whose record was replaced (an app change) anew', () => {
    const ctx = context(apps[0]!, 'http://127.0.0.1:4000/o/a', '/users/x');
    write(ctx, '{}');
    const renamed = { ...apps[0]!, org: 'renamed' };
    expect(JSON.parse(write({ ...ctx, app: renamed }, '{}')).organization).toBe('renamed');
  });
});
