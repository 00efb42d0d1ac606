/**
 * What the client reports to an optional `log` callback. Events carry no token, secret, password
 * or request body, only what helps an operator see why a call was slow.
 */
export type ClientEvent =
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; status?: number; reason: string }
  | { type: 'token-fetched'; expiresInSeconds: number }
  | { type: 'token-rejected'; method: string; path: string };

export type ClientLog = (event: ClientEvent) => void;
