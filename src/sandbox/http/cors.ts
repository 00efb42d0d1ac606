// CORS as Usergrid's filter does it (CORSUtils, CrossOriginRequestFilter): every API answer,
// errors included, echoes the request's Origin and allows credentials; a preflight OPTIONS on any
// API path answers 200, echoing the method and headers the browser asked for. The web SDK calls
// POST /token and POST /users straight from web pages and relies on it. Only API paths: the
// sandbox's control API (/_sandbox/) is never offered to other sites.
//
// The headers are handed to writeHead as one flat list (send-json.ts) rather than set one by one
// with setHeader: every API request passes here, and setHeader's table costs on each of them.
import type { IncomingMessage, ServerResponse } from 'node:http';

const PREFLIGHT_MAX_AGE_SECONDS = '3600';
/** The answer to a request without an Origin: only that it varies by Origin. */
const NO_ORIGIN: readonly string[] = ['vary', 'Origin'];

/** The CORS headers of an API answer, as a flat name, value, name, value… list. */
export function crossOriginHeaders(req: IncomingMessage): readonly string[] {
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') return NO_ORIGIN;
  return ['vary', 'Origin', 'access-control-allow-origin', origin, 'access-control-allow-credentials', 'true'];
}

/** Answers a preflight: 200, no body, the requested method and headers allowed. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, cors: readonly string[]): void {
  const method = req.headers['access-control-request-method'];
  const headers = req.headers['access-control-request-headers'];
  const answer = [...cors, 'access-control-allow-methods', method && method !== '' ? method : 'GET, POST, PUT, DELETE, OPTIONS'];
  if (headers !== undefined && headers !== '') answer.push('access-control-allow-headers', headers);
  answer.push('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS, 'content-length', '0');
  // Whatever came with the preflight is not read: drain it so the connection stays usable.
  req.resume();
  res.writeHead(200, answer).end();
}
