// The control API moves the clock (expiring every token) and queues messages, with no token: it
// must not be reachable from a web page the developer has open (issue 10). Browsers send a
// cross-site request without a preflight only with a "simple" content type, and a DNS-rebinding
// page reaches 127.0.0.1 under its own host name. So the control API takes
// - only JSON bodies (`Content-Type: application/json`): a page must preflight, and the control
//   API answers no preflight (OPTIONS is 405, and no answer carries CORS headers);
// - only a `Host` (and an `Origin`, when a browser sends one) naming the address the sandbox
//   listens on or a loopback name, or a host allowed with --control-host (e.g. in a container).
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../http/api-error.ts';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function forbidden(description: string): ApiError {
  return new ApiError(403, 'forbidden_service_operation', description, 'org.apache.usergrid.services.exceptions.ForbiddenServiceOperationException');
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower-cased. */
function hostName(value: string): string {
  const host = value.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

export interface ControlGuard {
  check(req: IncomingMessage): void;
}

/** `listenHosts`: the host it was told to listen on, and the address it did; `allowed`: --control-host names ("*": any). */
export function createControlGuard(listenHosts: () => string[], allowed: string[] = []): ControlGuard {
  const extra = new Set(allowed.map((name) => name.toLowerCase()));
  const anyHost = extra.has('*');
  const isAllowed = (name: string) => {
    if (anyHost || LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || extra.has(name)) return true;
    return listenHosts().some((listen) => name === listen.toLowerCase() || name === `[${listen.toLowerCase()}]`);
  };
  return {
    check(req) {
      const host = req.headers.host;
      if (!host || !isAllowed(hostName(host))) {
        throw forbidden('The control API answers only requests to a loopback name or the address it listens on (allow more with --control-host)');
      }
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let originHost: string | undefined;
        try {
          originHost = new URL(origin).host;
        } catch {
          originHost = undefined;
        }
        if (originHost === undefined || !isAllowed(hostName(originHost))) throw forbidden('The control API does not answer cross-site requests');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') {
          throw new ApiError(415, 'web_application', 'Unsupported Media Type: the control API takes application/json', 'javax.ws.rs.WebApplicationException');
        }
      }
    },
  };
}
