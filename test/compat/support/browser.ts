// What a browser adds to a web SDK's XMLHttpRequest: its Origin and the usual headers, and for a
// request that is not "simple" (a JSON Content-Type, an Authorization header) a preflight OPTIONS
// first, which must allow the request or the browser never sends it.
import { expect } from 'vitest';
import { replay, type CompatTarget, type ReplayAnswer, type ReplayRequest } from './replay.ts';

export const PAGE_ORIGIN = 'http://localhost:8080';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

export function browserHeaders(extra: Array<[string, string]>): Array<[string, string]> {
  return [['Host', ''], ['Connection', 'keep-alive'], ['Accept', '*/*'], ...extra, ['User-Agent', USER_AGENT], ['Origin', PAGE_ORIGIN], ['Referer', `${PAGE_ORIGIN}/`], ['Accept-Language', 'zh-CN,zh;q=0.9']];
}

/** An XMLHttpRequest from the page: the SDK's headers among the browser's, the body as JSON text. */
export function xhr(method: string, path: string, sdkHeaders: Array<[string, string]>, body: unknown): ReplayRequest {
  return { method, path, headers: browserHeaders(sdkHeaders), body: JSON.stringify(body) };
}

/** The preflight a browser sends before a non-simple request, held to what the browser checks. */
export async function preflight(target: CompatTarget, method: string, path: string, requestHeaders: string): Promise<void> {
  const answer = await replay(target, {
    method: 'OPTIONS',
    path,
    headers: [['Host', ''], ['Accept', '*/*'], ['Access-Control-Request-Method', method], ['Access-Control-Request-Headers', requestHeaders], ['Origin', PAGE_ORIGIN], ['User-Agent', USER_AGENT]],
  });
  expect(answer.status).toBe(200);
  expect(answer.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
  expect(answer.headers['access-control-allow-methods']?.split(/,\s*/)).toContain(method);
  for (const header of requestHeaders.split(',')) {
    expect(answer.headers['access-control-allow-headers']?.toLowerCase().split(/,\s*/)).toContain(header.trim().toLowerCase());
  }
}

/** The browser hands the answer to the page only if it allows the page's origin. */
export function expectReadableByPage(answer: ReplayAnswer): void {
  expect(answer.headers['access-control-allow-origin'], answer.text).toBe(PAGE_ORIGIN);
}
