// The request pipeline: static files and the control API first (never rate-limited), then for
// the API: rate limit → app from the URL → route → body (1 MiB) → token → JSON → handler.
// Every failure is an ErrorBody answer; bad input never reaches a 500.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { authenticate, hasCredentials } from './authenticate.ts';
import type { Clock } from './clock.ts';
import type { RequestContext, SandboxSettings } from './context.ts';
import { CONTROL_PREFIX } from './control/control-routes.ts';
import { handleControl } from './control/handle-control.ts';
import { ApiError, errors } from './http/api-error.ts';
import { parseForm } from './http/parse-form.ts';
import { parseJson } from './http/parse-json.ts';
import { readBody } from './http/read-body.ts';
import { sendError, sendJson } from './http/send-json.ts';
import { MAX_BODY_BYTES, type RateLimitStatus } from './options.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createRouter } from './router.ts';
import { routes } from './routes.ts';
import { staticFile } from './static-files.ts';
import type { Store } from './storage/store.ts';

export interface PipelineDeps {
  store: Store;
  clock: Clock;
  settings: SandboxSettings;
  rateLimiter: RateLimiter | undefined;
  rateLimitStatus: RateLimitStatus;
  /** http://host:port, what `uri` fields start with. */
  origin: () => string;
  log: ((line: string) => void) | undefined;
}

const router = createRouter(routes);

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function createRequestListener(deps: PipelineDeps): RequestListener {
  const { store, clock } = deps;

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams, now: number, startedAt: number) {
    if (deps.rateLimiter && !deps.rateLimiter.take(req.socket.remoteAddress ?? 'unknown')) {
      throw errors.rateLimited(deps.rateLimitStatus, 1);
    }
    const segments = pathname.split('/');
    const [, orgSegment = '', appSegment = ''] = segments;
    const rest = `/${segments.slice(3).join('/')}`.replace(/(.)\/$/, '$1');
    if (!orgSegment || !appSegment || rest === '/') throw errors.noSuchApi();
    const org = decodeSegment(orgSegment);
    const appName = decodeSegment(appSegment);
    const app = org !== undefined && appName !== undefined ? store.apps.find(org, appName) : undefined;
    if (!app) throw errors.organizationApplicationNotFound(org ?? orgSegment, appName ?? appSegment, `${orgSegment}/${appSegment}${rest}`);

    const method = req.method ?? 'GET';
    const matched = router.match(method, rest);
    if ('none' in matched) throw errors.noSuchApi();
    if ('allowed' in matched) throw errors.methodNotSupported(matched.allowed);
    const { route, params } = matched.found;

    const raw = route.body ? await readBody(req, MAX_BODY_BYTES) : undefined;
    const authorization = req.headers.authorization;
    if (route.auth === 'token' || (route.auth === 'registration' && (!app.openRegistration || hasCredentials(authorization)))) {
      if (route.auth === 'registration' && !hasCredentials(authorization)) throw errors.registrationNotOpen();
      authenticate({ store, app, authorization, now, method, path: rest });
    }
    const ctx: RequestContext = {
      store,
      clock,
      settings: deps.settings,
      app,
      baseUrl: `${deps.origin()}/${orgSegment}/${appSegment}`,
      method,
      path: rest,
      params,
      query,
      body: raw === undefined ? undefined : route.form ? parseForm(req, raw) : parseJson(raw),
      now,
      startedAt,
    };
    const result = await route.handler(ctx);
    sendJson(res, result.status ?? 200, result.body);
  }

  async function handleControlRequest(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const method = req.method ?? 'GET';
    const raw = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, MAX_BODY_BYTES);
    const body = raw === undefined || raw.length === 0 ? undefined : parseJson(raw);
    const result = handleControl(store, clock, method, pathname.slice(CONTROL_PREFIX.length) || '/', body);
    sendJson(res, result.status ?? 200, result.body);
  }

  return (req, res) => {
    const startedAt = performance.now();
    const now = clock.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    } catch {
      url = new URL('http://sandbox.invalid/');
    }
    const pathname = url.pathname;
    if (deps.log) {
      const log = deps.log;
      res.on('finish', () => log(`${req.method} ${pathname} ${res.statusCode} ${(performance.now() - startedAt).toFixed(1)}ms`));
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (pathname === '/') return void res.writeHead(302, { location: '/docs' }).end();
      const file = staticFile(pathname);
      if (file) return void res.writeHead(200, { 'content-type': file.type, 'content-length': file.content.length }).end(req.method === 'HEAD' ? undefined : file.content);
    }
    const work =
      pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)
        ? handleControlRequest(req, res, pathname)
        : handleApi(req, res, pathname, url.searchParams, now, startedAt);
    work.catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof ApiError) return sendError(res, error, now, startedAt);
      // A bug, not bad input: say so without details (they could hold request data).
      deps.log?.(`internal error: ${error instanceof Error ? error.name : typeof error}`);
      sendError(res, new ApiError(500, 'internal_error', 'The sandbox failed to answer this request'), now, startedAt);
    });
  };
}
