// Between a client (generated code, a vendor SDK) and its sandbox: forwards every exchange
// unchanged and holds it against the description with the package's own checker (src/contract):
// the request the client built (declared query parameters, a body its schema accepts) and the
// answer. A client can send what the sandbox tolerates and the description does not document
// (an explicit null, an undeclared parameter): only a check of the request itself shows it.
// npm run test:generators and npm run test:vendor-sdks run every client through one.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractChecker, formatViolation } from '../../src/contract/check-exchange.ts';
import { RequestChecker } from '../../src/contract/check-request.ts';
import { loadDescription, SchemaValidators } from '../../src/contract/description.ts';

const description = loadDescription();
const validators = new SchemaValidators(description);

export interface CheckingProxy {
  /** The app base URL to give the client: the sandbox app's, through the proxy. */
  baseUrl: string;
  /** Each violation seen, once, as `METHOD path: violation` (in the order first seen). */
  violations: string[];
  close(): Promise<void>;
}

/**
 * Headers that belong to one hop, not to the exchange (RFC 9110 §7.6.1), and what fetch sets
 * itself. Java's HttpClient, under the vendor's Java SDK, asks every http:// server to upgrade to
 * HTTP/2 (`Upgrade: h2c`, `HTTP2-Settings`): the sandbox answers in HTTP/1.1, as a server may.
 */
const HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding', 'upgrade', 'http2-settings', 'te', 'trailer', 'proxy-connection']);

const SERVED_DESCRIPTION = new Set(['/openapi.json', '/openapi.yaml', '/openapi-3.0.json']);

/** The field added to answers (addFieldToAnswers), named so that no description will ever have it. */
const ADDED_FIELD = 'a_field_added_later';

function withAddedField(body: Buffer, type: string | null): Buffer {
  if (!type?.startsWith('application/json')) return body;
  let answer: unknown;
  try {
    answer = JSON.parse(body.toString());
  } catch {
    return body;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(answer)) return body;
  const entities = Array.isArray(answer.entities) ? answer.entities.map((entity) => (isObject(entity) ? { ...entity, [ADDED_FIELD]: 1 } : entity)) : answer.entities;
  return Buffer.from(JSON.stringify({ ...answer, [ADDED_FIELD]: 1, ...(entities !== undefined && { entities }) }));
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface CheckingProxyOptions {
  /**
   * Hands the client every JSON answer with a field more, at the top and in each entity, after
   * checking it as the sandbox sent it: the service adds fields over the years (the description
   * leaves its answers open to them), and a client that refuses an answer for one breaks then.
   */
  addFieldToAnswers?: boolean;
  /** Told every exchange with the API (not the control API or the served description), as the sandbox answered it. */
  onExchange?: (exchange: RecordedExchange) => void;
}

/** One request to the API and its answer, the URL as the client sent it (to the proxy). */
export interface RecordedExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

export async function startCheckingProxy(appBaseUrl: string, options: CheckingProxyOptions = {}): Promise<CheckingProxy> {
  const upstream = new URL(appBaseUrl);
  const violations: string[] = [];
  const found = (line: string) => {
    if (!violations.includes(line)) violations.push(line);
  };
  // Made once the proxy's port, and so the base URL the client uses, is known.
  let requests: RequestChecker;
  let answers: ContractChecker;
  const server: Server = createServer(async (req, res) => {
    const sent = await bodyOf(req);
    const target = new URL(req.url!, upstream.origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP.has(name) && typeof value === 'string') headers[name] = value;
    // As reverse proxies say it: the description the sandbox serves then names the proxy, so a
    // tool that reads it (Swagger UI) sends its requests through here too.
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    let answer: Response;
    try {
      answer = await fetch(target, { method: req.method, headers, ...(sent.length && { body: new Uint8Array(sent) }), redirect: 'manual' });
    } catch (error) {
      found(`${req.method} ${target.pathname}: the proxy could not forward it (${(error as Error).cause ?? error})`);
      return void res.writeHead(502).end();
    }
    const body = Buffer.from(await answer.arrayBuffer());
    // Not the service's: the sandbox's control API (/_sandbox/, used by the Postman and Swagger UI
    // sessions) and the description it serves (read by Swagger UI).
    const isApi = !target.pathname.startsWith('/_sandbox/') && !SERVED_DESCRIPTION.has(target.pathname);
    // As the client sent it, to the proxy: the checkers know the proxy's app base URL.
    const url = new URL(req.url!, baseUrl).href;
    if (isApi) {
      const requestViolations = requests.check({ method: req.method!, url, body: sent.length ? sent.toString() : undefined });
      const answerViolations = answers.check({ method: req.method!, url, status: answer.status, headers: answer.headers, body }).violations;
      for (const violation of [...requestViolations, ...answerViolations]) found(`${req.method} ${target.pathname}: ${formatViolation(violation)}`);
    }
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP.has(name)) out[name] = value;
    });
    if (isApi && options.onExchange) {
      options.onExchange({ method: req.method!, url, requestHeaders: headers, requestBody: sent.toString(), status: answer.status, responseHeaders: out, responseBody: body.toString() });
    }
    res.writeHead(answer.status, out).end(options.addFieldToAnswers && isApi ? withAddedField(body, answer.headers.get('content-type')) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}${upstream.pathname}`;
  requests = new RequestChecker(description, baseUrl, validators);
  answers = new ContractChecker(description, baseUrl);
  return {
    baseUrl,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
