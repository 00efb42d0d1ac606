// What a handler gets: the app the URL names, the request's parts, the store and the clock.
import type { Clock } from './clock.ts';
import type { AppRecord } from './storage/apps-store.ts';
import type { Store } from './storage/store.ts';

export interface SandboxSettings {
  tokenTtlSeconds: number;
  scryptCost: number;
}

export interface RequestContext {
  store: Store;
  clock: Clock;
  settings: SandboxSettings;
  app: AppRecord;
  /** The app's base URL, e.g. http://127.0.0.1:4000/easemob-demo/chatdemoui */
  baseUrl: string;
  method: string;
  /** The path after the app prefix, as received (still percent-encoded), e.g. /users/jliu */
  path: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The Authorization header, for the one operation that checks a token itself (the inherit grant). */
  authorization: string | undefined;
  /** The parsed JSON body, for operations that take one. */
  body: unknown;
  /** The clock when the request arrived, ms since the epoch. */
  now: number;
  /** performance.now() when the request arrived, for `duration`. */
  startedAt: number;
}

/** The answer's status (200 when absent) and body: a value to serialize, or JSON text already
 * (`json`: an answer assembled from cached fragments, http/entity-envelope.ts). */
export type HandlerResult = { status?: number; body: unknown } | { status?: number; json: string };

export type Handler = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;
