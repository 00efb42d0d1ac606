// An in-process stand-in for fetch: no sockets, every request recorded, answers from a handler.
import type { BaseFetch } from '../../src/client/pipeline/fetch-types.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body: string;
  /** Date.now() when the request reached the fake (fake timers control it). */
  at: number;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: BaseFetch;
  requests: RecordedRequest[];
  /** Requests to one path (token requests are `/token`). */
  to(path: string): RecordedRequest[];
}

export const BASE_URL = 'https://easemob.test/org/app';

export function fakeFetch(handler: Handler): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetch: BaseFetch = async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/org\/app/, ''),
      query: url.searchParams,
      authorization: request.headers.get('authorization'),
      body: await request.text(),
      at: Date.now(),
    };
    requests.push(recorded);
    return new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      Promise.resolve(handler(recorded)).then(resolve, reject);
    });
  };
  return { fetch, requests, to: (path) => requests.filter((r) => r.path === path) };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function tokenAnswer(accessToken: string, expiresInSeconds = 5_184_000): Response {
  return json(200, { access_token: accessToken, expires_in: expiresInSeconds, application: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4' });
}

export function userEntity(username: string) {
  return {
    uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4',
    type: 'user' as const,
    created: 1368377620796,
    modified: 1368377620796,
    username,
    activated: true,
  };
}

export function userAnswer(username: string): Response {
  return json(200, { action: 'get', entities: [userEntity(username)], timestamp: 1, duration: 1 });
}

export const CLIENT_SECRET = 'YXA6-super-secret-client-secret';
export const CREDENTIALS = { baseUrl: BASE_URL, clientId: 'YXA6client', clientSecret: CLIENT_SECRET } as const;
