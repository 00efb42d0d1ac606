// Checks every start-up setting before anything listens (issue 10: a `--scrypt-cost 3` or a
// `tokenTtlSeconds` of "abc" used to start a server that answered 500 to every registration or
// token request). A bad value is refused with one line naming where it came from (a flag, an
// environment variable or a config key) and the values it may take.
import type { SandboxAppConfig, SandboxOptions } from './options.ts';
import { MAX_SCRYPT_COST, MIN_SCRYPT_COST } from './options.ts';

export class SandboxOptionError extends Error {}

/** Where each option came from, for the message: `--port`, `PORT`, `port (in sandbox.json)`. */
export type OptionSources = Partial<Record<keyof SandboxOptions, string>>;

const shown = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
};

function refuse(source: string, allowed: string, value: unknown): never {
  throw new SandboxOptionError(`${source} must be ${allowed}, not ${shown(value)}`);
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const APP_KEYS = new Set(['org', 'app', 'clientId', 'clientSecret', 'openRegistration']);

function checkApp(app: unknown, at: (sub: string) => string): void {
  if (typeof app !== 'object' || app === null || Array.isArray(app)) refuse(at(''), 'an object {org, app, clientId?, clientSecret?, openRegistration?}', app);
  for (const key of Object.keys(app)) {
    if (!APP_KEYS.has(key)) throw new SandboxOptionError(`${at(`.${key}`)} is not a setting (allowed: ${[...APP_KEYS].join(', ')})`);
  }
  const { org, app: name, clientId, clientSecret, openRegistration } = app as SandboxAppConfig;
  for (const [key, value] of [['org', org], ['app', name]] as const) {
    if (typeof value !== 'string' || !NAME.test(value) || value === '.' || value === '..') {
      refuse(at(`.${key}`), '1 to 64 of A-Z a-z 0-9 _ . - (not "." or "..")', value);
    }
  }
  for (const [key, value] of [['clientId', clientId], ['clientSecret', clientSecret]] as const) {
    if (value !== undefined && (typeof value !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(value))) {
      // Never echo what may be a secret.
      throw new SandboxOptionError(`${at(`.${key}`)} must be 1 to 256 printable ASCII characters without spaces`);
    }
  }
  if (openRegistration !== undefined && typeof openRegistration !== 'boolean') refuse(at('.openRegistration'), 'true or false', openRegistration);
}

/** Throws SandboxOptionError for the first setting that a server could not honour. */
export function checkOptions(options: SandboxOptions, sources: OptionSources = {}): void {
  // `apps (in x.json)` + `[0].org` reads `apps[0].org (in x.json)`.
  const from = (key: keyof SandboxOptions, sub = '') => {
    const label = sources[key] ?? key;
    const at = label.indexOf(' (');
    return at < 0 ? label + sub : label.slice(0, at) + sub + label.slice(at);
  };
  const o = options as Record<keyof SandboxOptions, unknown>;
  if (o.host !== undefined && (typeof o.host !== 'string' || !/^[^\s/]{1,253}$/.test(o.host))) refuse(from('host'), 'a host name or IP address', o.host);
  if (o.port !== undefined && !isInteger(o.port, 0, 65535)) refuse(from('port'), 'an integer from 0 to 65535', o.port);
  if (o.db !== undefined && (typeof o.db !== 'string' || o.db === '')) refuse(from('db'), 'a file path or ":memory:"', o.db);
  if (o.apps !== undefined) {
    if (!Array.isArray(o.apps)) refuse(from('apps'), 'a list of apps', o.apps);
    o.apps.forEach((app, i) => checkApp(app, (sub) => from('apps', `[${i}]${sub}`)));
    const names = (o.apps as SandboxAppConfig[]).map((app) => `${app.org}/${app.app}`);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new SandboxOptionError(`${from('apps')} lists ${twice} twice`);
  }
  if (o.rateLimit !== undefined && o.rateLimit !== 'off' && !isInteger(o.rateLimit, 1, 1_000_000)) {
    refuse(from('rateLimit'), 'an integer from 1 to 1000000, or "off"', o.rateLimit);
  }
  if (o.rateLimitStatus !== undefined && o.rateLimitStatus !== 429 && o.rateLimitStatus !== 503) refuse(from('rateLimitStatus'), '429 or 503', o.rateLimitStatus);
  if (o.tokenTtlSeconds !== undefined && !isInteger(o.tokenTtlSeconds, 1, 2_147_483_647)) {
    refuse(from('tokenTtlSeconds'), 'an integer number of seconds from 1 to 2147483647', o.tokenTtlSeconds);
  }
  if (
    o.scryptCost !== undefined &&
    !(isInteger(o.scryptCost, MIN_SCRYPT_COST, MAX_SCRYPT_COST) && (o.scryptCost & (o.scryptCost - 1)) === 0)
  ) {
    refuse(from('scryptCost'), `a power of two from ${MIN_SCRYPT_COST} to ${MAX_SCRYPT_COST}`, o.scryptCost);
  }
  if (o.controlHosts !== undefined) {
    if (!Array.isArray(o.controlHosts) || !o.controlHosts.every((h) => typeof h === 'string' && /^[^\s/]{1,260}$/.test(h))) {
      refuse(from('controlHosts'), 'a list of host names (or "*" for any)', o.controlHosts);
    }
  }
  if (o.timeouts !== undefined) {
    if (typeof o.timeouts !== 'object' || o.timeouts === null) refuse(from('timeouts'), 'an object {headersMs, requestMs, idleMs}', o.timeouts);
    for (const [key, value] of Object.entries(o.timeouts)) {
      if (!['headersMs', 'requestMs', 'idleMs'].includes(key)) throw new SandboxOptionError(`${from('timeouts', `.${key}`)} is not a setting (allowed: headersMs, requestMs, idleMs)`);
      if (!isInteger(value, 1, 3_600_000)) refuse(from('timeouts', `.${key}`), 'an integer number of milliseconds from 1 to 3600000', value);
    }
  }
}

/** The keys a config file may hold; anything else is a typo worth stopping for. */
export const CONFIG_KEYS = ['host', 'port', 'db', 'apps', 'rateLimit', 'rateLimitStatus', 'tokenTtlSeconds', 'scryptCost', 'log', 'controlHosts'] as const;

/** Checks a parsed config file: an object of known keys with values checkOptions accepts. */
export function checkConfigFile(config: unknown, file: string): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new SandboxOptionError(`${file} must hold a JSON object`);
  for (const key of Object.keys(config)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      throw new SandboxOptionError(`${key} (in ${file}) is not a setting (allowed: ${CONFIG_KEYS.join(', ')})`);
    }
  }
  const { log, ...rest } = config as Record<string, unknown>;
  if (log !== undefined && typeof log !== 'boolean') refuse(`log (in ${file})`, 'true or false', log);
  const sources = Object.fromEntries(Object.keys(rest).map((key) => [key, `${key} (in ${file})`])) as OptionSources;
  checkOptions(rest as SandboxOptions, sources);
}
