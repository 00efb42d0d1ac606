// CORS as Usergrid's filter does it (CORSUtils, CrossOriginRequestFilter): every API answer,
// errors included, echoes the request's Origin and allows credentials; a preflight OPTIONS on any
// API path answers 200, echoing the method and headers the browser asked for. The web SDK calls
// POST /token and POST /users straight from web pages and relies on it. Only API paths: the
// sandbox's control API (/_sandbox/) is never offered to other sites.
import type { IncomingMessage, ServerResponse } from 'node:http';

const PREFLIGHT_MAX_AGE_SECONDS = '3600';

/** Sets the CORS headers on an answer to a request that came with an Origin. */
export function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (origin === undefined || origin === '') return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
}

/** Answers a preflight: 200, no body, the requested method and headers allowed. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const method = req.headers['access-control-request-method'];
  const headers = req.headers['access-control-request-headers'];
  res.setHeader('access-control-allow-methods', method && method !== '' ? method : 'GET, POST, PUT, DELETE, OPTIONS');
  if (headers !== undefined && headers !== '') res.setHeader('access-control-allow-headers', headers);
  res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
  // Whatever came with the preflight is not read: drain it so the connection stays usable.
  req.resume();
  res.writeHead(200, { 'content-length': 0 }).end();
}
