// What a control-API handler gets. The control API lives under /_sandbox/, a prefix the real
// service does not use; it needs no token and is not rate-limited (the sandbox is local-only).
import type { Clock } from '../clock.ts';
import type { Store } from '../storage/store.ts';

export interface ControlContext {
  store: Store;
  clock: Clock;
  /** Path parameters: org, app, username. */
  params: Record<string, string>;
  body: unknown;
}

export type ControlHandler = (ctx: ControlContext) => { status?: number; body: unknown };
