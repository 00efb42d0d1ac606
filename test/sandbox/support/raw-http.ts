// Raw HTTP/1.1 over node:net, for what fetch cannot send: broken framing, bad request lines,
// stray bytes after a request, a foreign Host. The answers are parsed by hand, loosely, so that
// a malformed answer shows up in the test rather than as a parser exception.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json: any;
}

export interface RawExchange {
  responses: RawResponse[];
  /** Bytes after the last complete response (should be none). */
  leftover: string;
  /** The server closed the connection (FIN or reset) before `waitMs` ran out. */
  closedByServer: boolean;
  reset: boolean;
  text: string;
}

/**
 * `head`: the requests were HEAD requests, so their answers carry no body whatever their
 * Content-Length. Stray bytes after them may still be answered as a request of their own (a 400
 * or a 408 with its JSON body), so an answer followed by more than a next status line keeps its
 * body.
 */
export function parseResponses(bytes: Buffer, headOnly = false): { responses: RawResponse[]; leftover: string } {
  const responses: RawResponse[] = [];
  let at = 0;
  for (;;) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const head = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1]);
    if (!status) break;
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const rest = bytes.subarray(end + 4);
    const bodiless = headOnly && (rest.length === 0 || rest.subarray(0, 5).toString('latin1') === 'HTTP/');
    const length = bodiless ? 0 : Number(headers['content-length'] ?? 0);
    const body = bytes.subarray(end + 4, end + 4 + length).toString('utf8');
    if (body.length < length && Buffer.byteLength(body) < length) break;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    responses.push({ status, headers, body, json });
    at = end + 4 + length;
  }
  return { responses, leftover: bytes.subarray(at).toString('latin1') };
}

/** Sends `bytes` (in order, each part as its own write), and collects what comes back until the
 * server closes or `waitMs` passes. */
export function rawExchange(baseUrl: string, parts: Array<string | Buffer> | string | Buffer, waitMs = 1500, head = false): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  const list = Array.isArray(parts) ? parts : [parts];
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closedByServer = false;
    let reset = false;
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      socket.end();
    });
    socket.on('error', () => {
      reset = true;
      closedByServer = true;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const bytes = Buffer.concat(chunks);
      resolve({ ...parseResponses(bytes, head), closedByServer, reset, text: bytes.toString('latin1') });
    });
    socket.once('connect', () => {
      for (const part of list) socket.write(part);
    });
  });
}
