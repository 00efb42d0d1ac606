// Writing JSON answers, success or error. Headers go to writeHead as one flat list: the fastest
// form Node takes (no header table is built), and every answer is written here.
import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error.ts';
import { endInBatch } from './answer-batch.ts';

const NO_HEADERS: readonly string[] = [];
const JSON_TYPE = 'application/json;charset=UTF-8';

/** `headers`: a flat name, value, name, value… list (e.g. the CORS headers, cors.ts). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: readonly string[] = NO_HEADERS): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** An answer that is JSON text already. Its body goes out with this turn's other answers (answer-batch.ts). */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: readonly string[] = NO_HEADERS): void {
  res.writeHead(status, [...headers, 'content-type', JSON_TYPE, 'content-length', String(Buffer.byteLength(text))]);
  endInBatch(res, text);
}

export function sendError(res: ServerResponse, error: ApiError, timestamp: number, startedAt: number, headers: readonly string[] = NO_HEADERS): void {
  const body: Record<string, unknown> = { error: error.code, error_description: error.message };
  if (error.exception) body.exception = error.exception;
  body.timestamp = timestamp;
  body.duration = Math.max(0, Math.round(performance.now() - startedAt));
  const errorHeaders = Object.entries(error.headers);
  sendJson(res, error.status, body, errorHeaders.length === 0 ? headers : [...headers, ...errorHeaders.flat()]);
}
