// The request pipeline: static files and the control API first (never rate-limited), then for
// the API: CORS headers (a preflight is answered there) → rate limit → app from the URL → route →
// body (1 MiB) → token (a user token only where its user may call) → JSON → handler.
// Every failure is an ErrorBody answer; bad input never reaches a 500.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { authenticate, hasCredentials, permissionDenied } from './authenticate.ts';
import type { Clock } from './clock.ts';
import type { RequestContext, SandboxSettings } from './context.ts';
import { CONTROL_PREFIX } from './control/control-routes.ts';
import type { ControlGuard } from './control/control-guard.ts';
import { handleControl } from './control/handle-control.ts';
import { ApiError, errors } from './http/api-error.ts';
import { parseForm } from './http/parse-form.ts';
import { parseJson } from './http/parse-json.ts';
import { readBody, restOfRequest, waitForEnd } from './http/read-body.ts';
import { parseRequestTarget, refuseDotSegments } from './http/request-target.ts';
import { sendError, sendJson, sendJsonText } from './http/send-json.ts';
import { answerPreflight, crossOriginHeaders } from './http/cors.ts';
import { MAX_BODY_BYTES, type RateLimitStatus } from './options.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createRouter } from './router.ts';
import { routes } from './routes.ts';
import { userMayCall } from './security/user-permissions.ts';
import { describeSandbox, readerOrigin, type DescribedApp } from './served-description.ts';
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
  /** Refuses cross-site use of the control API. */
  controlGuard: ControlGuard;
  /** The apps this sandbox was started with, named first among the served description's servers. */
  apps: readonly DescribedApp[];
}

const router = createRouter(routes);
const NO_HEADERS: readonly string[] = [];

function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function createRequestListener(deps: PipelineDeps): RequestListener {
  const { store, clock } = deps;
  const description = describeSandbox(deps.apps);

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams, now: number, startedAt: number, cors: readonly string[]) {
    const decision = deps.rateLimiter?.take(req.socket.remoteAddress ?? 'unknown');
    if (decision && !decision.admitted) throw errors.rateLimited(deps.rateLimitStatus, decision.retryAfterSeconds);
    refuseDotSegments(pathname);
    // /{org}/{app}{rest}: rest is the path after the app, `/` when there is none, without a
    // trailing slash.
    const orgEnd = pathname.indexOf('/', 1);
    const appEnd = orgEnd < 0 ? -1 : pathname.indexOf('/', orgEnd + 1);
    const orgSegment = orgEnd < 0 ? pathname.slice(1) : pathname.slice(1, orgEnd);
    const appSegment = orgEnd < 0 ? '' : pathname.slice(orgEnd + 1, appEnd < 0 ? undefined : appEnd);
    let rest = appEnd < 0 ? '/' : pathname.slice(appEnd);
    if (rest.endsWith('/')) rest = rest.replace(/(.)\/$/, '$1');
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

    // Nothing is performed before the whole request has arrived: a body whose framing breaks is
    // answered with the error instead (connection-guard.ts).
    let raw: Buffer | undefined;
    if (route.body) raw = await readBody(req, MAX_BODY_BYTES);
    else {
      // waitForEnd, inline: one microtask, then wait only if the request has not ended.
      await null;
      const rest = restOfRequest(req);
      if (rest) await rest;
    }
    const authorization = req.headers.authorization;
    if (route.auth === 'token' || (route.auth === 'registration' && (!app.openRegistration || hasCredentials(authorization)))) {
      if (route.auth === 'registration' && !hasCredentials(authorization)) throw errors.registrationNotOpen();
      const principal = authenticate({ store, app, authorization, now, method, path: rest });
      if (principal.kind === 'user' && !userMayCall(route.operationId, params, principal.user, app)) {
        throw permissionDenied({ app, method, path: rest });
      }
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
      authorization,
      body: raw === undefined ? undefined : route.form ? parseForm(req, raw) : parseJson(raw),
      now,
      startedAt,
    };
    const answer = route.handler(ctx);
    const result = answer instanceof Promise ? await answer : answer;
    sendJsonText(res, result.status ?? 200, 'json' in result ? result.json : JSON.stringify(result.body), cors);
  }

  async function handleControlRequest(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const method = req.method ?? 'GET';
    deps.controlGuard.check(req);
    refuseDotSegments(pathname);
    const raw = method === 'GET' || method === 'HEAD' ? await waitForEnd(req) : await readBody(req, MAX_BODY_BYTES);
    const body = raw === undefined || raw.length === 0 ? undefined : parseJson(raw);
    const result = handleControl(store, clock, method, pathname.slice(CONTROL_PREFIX.length) || '/', body);
    sendJson(res, result.status ?? 200, result.body);
  }

  return (req, res) => {
    const startedAt = performance.now();
    const now = clock.now();
    const { pathname, query } = parseRequestTarget(req.url);
    if (deps.log) {
      const log = deps.log;
      res.on('finish', () => log(`${req.method} ${pathname} ${res.statusCode} ${(performance.now() - startedAt).toFixed(1)}ms`));
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (pathname === '/') return void res.writeHead(302, { location: '/docs', 'content-length': 0 }).end();
      const acceptEncoding = req.headers['accept-encoding'];
      const filePath = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
      const page = staticFile(filePath, acceptEncoding);
      // The description is for any site to read: web tools that load a description from a URL
      // (Swagger UI, Scalar, Stoplight, Postman's web app) fetch it from their own origin, and the
      // browser gives them the answer only with Access-Control-Allow-Origin. It is public and read
      // without credentials, so `*`.
      const described = page ? undefined : description(filePath, () => readerOrigin(req.headers, deps.origin()), acceptEncoding);
      const file = page ?? described;
      if (file) {
        const encoding = file.encoding ? { 'content-encoding': file.encoding } : {};
        // The description names the sandbox by the Host it was asked with.
        const forReader = described ? { 'access-control-allow-origin': '*', vary: 'accept-encoding, host' } : { vary: 'accept-encoding' };
        res.writeHead(200, { 'content-type': file.type, 'content-length': file.content.length, ...encoding, ...forReader });
        if (req.method === 'HEAD') return void res.end();
        // The head goes out first, on its own: with a Buffer body, Node puts the head in front of
        // whatever the response has queued (OutgoingMessage#_send), and a pipelined request's
        // automatic `100 Continue` is queued already: it landed between this head and the body.
        res.flushHeaders();
        return void res.end(file.content);
      }
    }
    const isControl = pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
    // The API answers browsers as Usergrid's CORS filter does; the control API does not.
    const cors = isControl ? NO_HEADERS : crossOriginHeaders(req);
    if (!isControl && req.method === 'OPTIONS') return answerPreflight(req, res, cors);
    const work = isControl ? handleControlRequest(req, res, pathname) : handleApi(req, res, pathname, query, now, startedAt, cors);
    work.catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof ApiError) return sendError(res, error, now, startedAt, cors);
      // A bug, not bad input: say so without details (they could hold request data).
      deps.log?.(`internal error: ${error instanceof Error ? error.name : typeof error}`);
      sendError(res, new ApiError(500, 'internal_error', 'The sandbox failed to answer this request'), now, startedAt, cors);
    });
  };
}
