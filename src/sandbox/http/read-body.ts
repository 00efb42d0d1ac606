// Reads a request body up to a size limit. Over it, the answer is 413; the rest of the body is
// drained (so the client gets the answer rather than a reset), up to a hard cap after which the
// connection is dropped.
import type { IncomingMessage } from 'node:http';
import { errors } from './api-error.ts';

const DRAIN_CAP = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
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
    req.on('error', reject);
  });
}
