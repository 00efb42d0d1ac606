// Writing JSON answers, success or error.
import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError, timestamp: number, startedAt: number): void {
  const body: Record<string, unknown> = { error: error.code, error_description: error.message };
  if (error.exception) body.exception = error.exception;
  body.timestamp = timestamp;
  body.duration = Math.max(0, Math.round(performance.now() - startedAt));
  sendJson(res, error.status, body, error.headers);
}
