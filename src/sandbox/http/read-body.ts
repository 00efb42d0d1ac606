// Reads a request body up to a size limit. Over it, the answer is 413; the rest of the body is
// drained (so the client gets the answer rather than a reset), up to a hard cap after which the
// connection is dropped. A body whose framing breaks (a bad chunk, a short Content-Length that
// times out: see connection-guard.ts), or that the client abandons, fails with a 4xx, never as an
// internal error. Operations that take no body still wait for the request to end (waitForEnd), so
// a request whose framing breaks is answered with the error and never performed.
import type { IncomingMessage } from 'node:http';
import { ApiError, errors } from './api-error.ts';

const DRAIN_CAP = 64 * 1024 * 1024;

/** Requests whose framing broke, with the answer they get; and the readers waiting on them. */
const broken = new WeakMap<IncomingMessage, ApiError>();
const waiting = new WeakMap<IncomingMessage, (error: ApiError) => void>();

/** Called by the connection guard when the parser fails inside this request's body. */
export function failRequestBody(req: IncomingMessage, error: ApiError): void {
  broken.set(req, error);
  waiting.get(req)?.(error);
}

function incomplete(): ApiError {
  return new ApiError(400, 'web_application', 'The request body ended before its declared length', 'javax.ws.rs.WebApplicationException');
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const failed = broken.get(req);
    if (failed) return reject(failed);
    waiting.set(req, reject);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_CAP) {
        req.destroy();
        return;
      }
      if (tooLarge) return;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(errors.bodyTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', () => reject(broken.get(req) ?? incomplete()));
    req.on('aborted', () => reject(broken.get(req) ?? incomplete()));
  });
}

/** For operations that take no body: resolves once the request has ended (its body discarded). */
export async function waitForEnd(req: IncomingMessage): Promise<void> {
  // The parser finishes the bytes it was handed before any promise continues: a request that came
  // whole in one read is complete by now.
  await null;
  await restOfRequest(req);
}

/** After a microtask (see waitForEnd): undefined when the request has ended, else what to wait
 * for; throws when its framing broke. Most requests have ended: callers on the hot path await
 * only when there is something to wait for. */
export function restOfRequest(req: IncomingMessage): Promise<void> | undefined {
  const failed = broken.get(req);
  if (failed) throw failed;
  if (req.complete) return undefined;
  return readBody(req, 0).then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'request_entity_too_large') return;
      throw error;
    },
  );
}
