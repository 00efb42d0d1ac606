// Errors the HTTP layer raises before a request reaches the pipeline: a malformed request line or
// header, header overflow, duplicate Content-Length, Content-Length with Transfer-Encoding, a bad
// chunk, a request that times out, CONNECT. Node's defaults answer these with an empty 400/431
// or a reset; here each gets the service's JSON error body (issue 10). A 5xx is never used.
//
// What a parse error means depends on what the connection is doing when it happens:
// - nothing in flight: the bytes were a bad request. Answer the error, close.
// - a request whose body is still arriving: its framing broke. That request is answered with the
//   error (it waits for its body before acting, read-body.ts, so it is not performed), then close.
// - requests received whole, answers pending: the bytes after them are not a request. This is the
//   vendor's Node.js example (emchat-server-nodejs/easemob/client.js writes `{}` on every request,
//   GET and DELETE too, with neither Content-Length nor chunking): the request was performed and is
//   answered with its result, and the stray bytes are discarded. The answer closes the connection,
//   since what follows on it cannot be framed.
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from './api-error.ts';
import { failRequestBody } from './read-body.ts';

const WEB_APPLICATION = 'javax.ws.rs.WebApplicationException';
/** How long a closing connection may keep sending before it is dropped. */
const LINGER_MS = 2_000;

interface ConnectionState {
  /** This connection's answers, those written since the last request came included. */
  inFlight: ServerResponse[];
  broken: boolean;
}

const connections = new WeakMap<Duplex, ConnectionState>();

function stateOf(socket: Duplex): ConnectionState {
  let state = connections.get(socket);
  if (!state) connections.set(socket, (state = { inFlight: [], broken: false }));
  return state;
}

/** Whether an answer is still to be written (not ended, and its connection not closed). */
function isPending(res: ServerResponse): boolean {
  return !res.writableEnded && !res.closed;
}

function httpError(status: number, description: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(status, 'web_application', description, WEB_APPLICATION, headers);
}

/** Whether the overflow is the request line's: unterminated, or longer than 8 KiB itself. */
function requestLineUnterminated(error: { rawPacket?: unknown }): boolean {
  if (!Buffer.isBuffer(error.rawPacket)) return false;
  const end = error.rawPacket.indexOf(0x0a);
  return end < 0 || end > 8 * 1024;
}

/** The answer to an error of Node's parser (llhttp's HPE_* codes) or of its request timers. */
export function answerForClientError(error: Error & { code?: string; rawPacket?: unknown }): ApiError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineUnterminated(error) ? httpError(414, 'Request-URI too long') : httpError(431, 'Request header fields too large');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return httpError(400, 'Chunk extensions too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return httpError(408, 'The request was not received in time');
    case 'HPE_INVALID_METHOD':
      return httpError(400, 'Not an HTTP method (methods are upper case: GET, POST, PUT, DELETE)');
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_CONTENT_LENGTH':
      return httpError(400, 'Invalid Content-Length (duplicated, malformed, or sent with Transfer-Encoding)');
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return httpError(400, 'Invalid Transfer-Encoding');
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_STRICT':
    case 'HPE_CR_EXPECTED':
    case 'HPE_LF_EXPECTED':
      return httpError(400, 'Malformed request framing (chunked body or line endings)');
    case 'HPE_INVALID_VERSION':
      return httpError(400, 'Unsupported HTTP version');
    case 'HPE_INVALID_URL':
      return httpError(400, 'Malformed request target');
    default:
      return httpError(400, 'Malformed HTTP request');
  }
}

/** The same JSON body sendError writes, for a socket that has no ServerResponse. */
export function rawErrorResponse(error: ApiError, now: number, headOnly = false): string {
  const body = JSON.stringify({ error: error.code, error_description: error.message, exception: error.exception, timestamp: now, duration: 0 });
  const extra = Object.entries(error.headers)
    .filter(([name]) => name.toLowerCase() !== 'connection')
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
    `Content-Type: application/json;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${headOnly ? '' : body}`
  );
}

/** Ends the connection, still reading (and discarding) what the client sends for a moment, so
 * that unread bytes do not turn the close into a reset that would lose the answer. */
function closeGently(socket: Duplex): void {
  if (socket.destroyed) return;
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Whether the failed bytes began a HEAD request, whose answer has no body. */
function isHead(error: { rawPacket?: unknown }): boolean {
  return Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
}

function answerAndClose(socket: Duplex, error: ApiError, now: number, headOnly = false): void {
  if (socket.writable) socket.write(rawErrorResponse(error, now, headOnly));
  closeGently(socket);
}

/** Tracks the answers in flight on each connection, and answers the HTTP layer's own errors. */
export function guardConnections(server: Server, now: () => number): (req: IncomingMessage, res: ServerResponse) => void {
  server.on('clientError', (error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex) => {
    const state = stateOf(socket);
    if (state.broken) return; // the parser repeats its error for every later read: once is enough
    state.broken = true;
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return void socket.destroy();
    const pending = state.inFlight.filter(isPending);
    if (pending.length === 0) return answerAndClose(socket, answerForClientError(error), now(), isHead(error));
    // Every answer still to come says Connection: close, and the connection ends after the last.
    for (const res of pending) res.shouldKeepAlive = false;
    const unfinished = pending.find((res) => !res.req.complete);
    if (unfinished) failRequestBody(unfinished.req, answerForClientError(error));
    let left = pending.length;
    for (const res of pending) {
      res.once('close', () => {
        if (--left === 0) closeGently(socket);
      });
    }
  });

  // CONNECT asks for a tunnel; without a listener Node drops the connection unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    answerAndClose(socket, httpError(405, 'CONNECT is not supported', { allow: 'GET, POST, PUT, DELETE' }), now());
  });

  return (req, res) => {
    const { inFlight } = stateOf(req.socket);
    // Answers already written are dropped here, when the next request comes, rather than by a
    // listener on every answer (this runs for every request).
    let kept = 0;
    for (const earlier of inFlight) if (isPending(earlier)) inFlight[kept++] = earlier;
    inFlight.length = kept;
    inFlight.push(res);
  };
}
