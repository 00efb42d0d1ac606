// The route matcher (src/sandbox/router.ts) on its own: segment by segment, in route order, a
// `{name}` segment takes any non-empty segment, percent-decoded; a path some route has with other
// methods answers those methods (405), in route order.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/sandbox/http/api-error.ts';
import { createRouter } from '../../src/sandbox/router.ts';

const routes = [
  { method: 'GET', path: '/users', name: 'listUsers' },
  { method: 'GET', path: '/metadata/user/capacity', name: 'capacity' },
  { method: 'GET', path: '/metadata/user/{username}', name: 'attributes' },
  { method: 'GET', path: '/users/{username}', name: 'getUser' },
  { method: 'PUT', path: '/users/{username}', name: 'updateUser' },
  { method: 'DELETE', path: '/users/{username}', name: 'deleteUser' },
  { method: 'DELETE', path: '/users/{owner}/blocks/users/{blocked}', name: 'removeBlock' },
  { method: 'GET', path: '/', name: 'index' },
];
const router = createRouter(routes);

function found(method: string, path: string) {
  const match = router.match(method, path);
  if (!('found' in match)) throw new Error(`no route for ${method} ${path}: ${JSON.stringify(match)}`);
  return { name: match.found.route.name, params: match.found.params };
}

describe('the route matcher', () => {
  it('matches literal and parameter segments, and names the parameters', () => {
    expect(found('GET', '/users')).toEqual({ name: 'listUsers', params: {} });
    expect(found('GET', '/users/jliu')).toEqual({ name: 'getUser', params: { username: 'jliu' } });
    expect(found('DELETE', '/users/a/blocks/users/b')).toEqual({ name: 'removeBlock', params: { owner: 'a', blocked: 'b' } });
    expect(found('GET', '/')).toEqual({ name: 'index', params: {} });
  });

  it('takes the first route that matches: a literal path listed first wins over a parameter', () => {
    expect(found('GET', '/metadata/user/capacity').name).toBe('capacity');
    expect(found('GET', '/metadata/user/someone')).toEqual({ name: 'attributes', params: { username: 'someone' } });
  });

  it('percent-decodes parameters, and refuses a malformed escape with a 400', () => {
    expect(found('GET', '/users/a%2Db').params).toEqual({ username: 'a-b' });
    let error: unknown;
    try {
      router.match('GET', '/users/%E0%A4%A');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'illegal_argument' });
  });

  it('gives a parameter no empty segment, and compares literals exactly', () => {
    expect(router.match('GET', '/users/')).toEqual({ none: true });
    expect(router.match('DELETE', '/users//blocks/users/b')).toEqual({ none: true });
    expect(router.match('GET', '/Users/jliu')).toEqual({ none: true });
    expect(router.match('GET', '/users/jliu/extra')).toEqual({ none: true });
    expect(router.match('GET', '/nothing')).toEqual({ none: true });
  });

  it('answers the methods a path does have, in route order, when its method is not one of them', () => {
    expect(router.match('POST', '/users/jliu')).toEqual({ allowed: ['GET', 'PUT', 'DELETE'] });
    expect(router.match('DELETE', '/users')).toEqual({ allowed: ['GET'] });
  });
});
