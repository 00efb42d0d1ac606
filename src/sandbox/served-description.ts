// The description as the sandbox serves it (/openapi.json, /openapi.yaml, and /openapi-3.0.json,
// the conversion for tools that read OpenAPI 3.0 only: Swagger UI before 5, Atlassian's
// validator, Swagger Codegen, progenitor): the bundle, whose
// `servers` name this sandbox's apps first, at the address the reader reached the sandbox by.
// Web tools that load a description from a URL (Swagger UI, Scalar, Postman's web app) send
// "Try it out" to the first server. The bundle's first is the vendor's production host, so a
// person trying the sandbox from its own description sent the sandbox's credentials to
// a1.easemob.com; its local entry names port 4000 whatever port this sandbox has (found by
// Swagger UI 5.35: test/generators/swagger-ui). The bundle's local entries (the sandbox on
// 4000, Prism on 4010) name no sandbox in particular and are left out; production stays, last.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { keep, servedAs, type Kept, type ServedFile } from './static-files.ts';

export interface DescribedApp {
  org: string;
  app: string;
}

type Format = 'json' | 'yaml' | 'json-3.0';
const FORMATS = new Map<string, { name: Format; type: string }>([
  ['/openapi.json', { name: 'json', type: 'application/json' }],
  ['/openapi.yaml', { name: 'yaml', type: 'application/yaml' }],
  ['/openapi-3.0.json', { name: 'json-3.0', type: 'application/json' }],
]);

const root = new URL('../../', import.meta.url);

// A host name, an IPv4 address or a bracketed IPv6 address, with an optional port: anything
// else (or nothing) is not written into the description; the listening address is.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin a reader reached the sandbox by: behind a reverse proxy (a container's gateway, a
 * TLS front), the one the proxy names in X-Forwarded-Host and X-Forwarded-Proto (Caddy and
 * Traefik send them; nginx when told, docs/sandbox.md); otherwise Host. Only a well-formed host
 * and http or https are taken.
 */
export function readerOrigin(headers: IncomingHttpHeaders, listening: string): string {
  const forwarded = firstValue(headers['x-forwarded-host']);
  const host = forwarded !== undefined && HOST.test(forwarded) ? forwarded : headers.host;
  if (host === undefined || !HOST.test(host)) return listening;
  const scheme = firstValue(headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}

/** The first of a header's comma-separated values (each proxy on the way appends its own). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]!.trim() || undefined;
}

interface Bundle {
  json: Record<string, unknown>;
  json30: Record<string, unknown>;
  yamlBefore: string;
  yamlAfter: string;
  production: unknown[];
}

let bundle: Bundle | undefined;

function loadBundle(): Bundle {
  const json = JSON.parse(readFileSync(new URL('generated/openapi.json', root), 'utf8')) as Record<string, unknown>;
  const json30 = JSON.parse(readFileSync(new URL('generated/openapi-3.0.json', root), 'utf8')) as Record<string, unknown>;
  const yaml = readFileSync(new URL('generated/openapi.yaml', root), 'utf8');
  // The top-level `servers:` block: from its line to the next top-level key. JSON is YAML, so
  // the block is replaced by one line of JSON and the rest of the file is served as built.
  const block = /^servers:\n(?:[ -].*\n|\n)*/m.exec(yaml);
  if (!block) throw new Error('generated/openapi.yaml has no top-level servers block');
  const production = (json.servers as Array<Record<string, unknown>>).filter((server) => server['x-internal'] !== true);
  return { json, json30, yamlBefore: yaml.slice(0, block.index), yamlAfter: yaml.slice(block.index + block[0].length), production };
}

/** The servers a reader at `origin` is given: each app of this sandbox, then production. */
function servedServers(origin: string, apps: readonly DescribedApp[], production: readonly unknown[]): unknown[] {
  return [
    ...apps.map(({ org, app }) => ({
      url: `${origin}/${encodeURIComponent(org)}/${encodeURIComponent(app)}`,
      description: `This sandbox, app ${org}#${app} (its client ID and secret are in the sandbox's banner)`,
    })),
    ...production,
  ];
}

function render(format: Format, origin: string, apps: readonly DescribedApp[]): Buffer {
  bundle ??= loadBundle();
  // The conversion's servers are the bundle's (a Server Object is the same in 3.0).
  const servers = servedServers(origin, apps, bundle.production);
  if (format === 'json') return Buffer.from(JSON.stringify({ ...bundle.json, servers }));
  if (format === 'json-3.0') return Buffer.from(JSON.stringify({ ...bundle.json30, servers }));
  return Buffer.from(`${bundle.yamlBefore}servers: ${JSON.stringify(servers)}\n${bundle.yamlAfter}`);
}

// Per format and origin: a sandbox is reached by one or two names (127.0.0.1, localhost, a
// container's name), so a handful are kept; any Host is accepted, so they are bounded.
const MAX_KEPT = 16;

/**
 * The description server of one sandbox, whose apps are `apps`: the description at a path
 * (without a trailing slash), for the origin its reader reached the sandbox by; undefined for any
 * other path.
 */
export function describeSandbox(apps: readonly DescribedApp[]) {
  const kept = new Map<string, Kept>();
  return (path: string, readerOrigin: () => string, acceptEncoding: string | undefined): ServedFile | undefined => {
    const format = FORMATS.get(path);
    if (!format) return undefined;
    const origin = readerOrigin();
    const key = `${format.name} ${origin}`;
    let rendered = kept.get(key);
    if (!rendered) {
      try {
        rendered = keep(render(format.name, origin, apps));
      } catch {
        return undefined; // no bundle built: the path is not found, as for the docs page
      }
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, rendered);
    }
    return servedAs(format.type, rendered, acceptEncoding);
  };
}
