/** Replaces anything secret in a text with `[redacted]`. */
export type Redactor = (text: string) => string;

export interface SecretRegistry {
  /** Remembers a value (client secret, a token) so that it is never shown again. */
  add(secret: string): void;
  /** Redacts the remembered secrets, these `extra` ones (a call's passwords), and secret fields. */
  redact(text: string, extra?: readonly string[]): string;
}

const REDACTED = '[redacted]';
const MAX_REMEMBERED = 32;
/**
 * The service echoes request fragments cut short (a secret without its last characters): a
 * prefix this long of a secret is hidden wherever it appears. A whole secret is hidden whatever
 * its length.
 */
const MIN_FRAGMENT = 6;

const SECRET_KEYS = String.raw`(?:new|old)?password|client_secret|access_token|secret`;
// A secret field however it is echoed: JSON (`"password":"…"`, cut off before its closing quote
// or not), JSON inside a JSON string (`\"password\":\"…\"`), single quotes, or `password=…` /
// `password: …` (form bodies, query strings, log lines). Field names are matched in any case.
const SECRET_FIELD = new RegExp(
  String.raw`((?:\\?["'])?\b(?:${SECRET_KEYS})(?:\\?["'])?\s*[:=]\s*)` +
    String.raw`(?:\\"(?:(?!\\")[^])*(?:\\"|$)|"(?:[^"\\]|\\.)*(?:"|$)|'[^']*(?:'|$)|[^\s&,;}\]"']+)`,
  'gi',
);
// A bearer token is secret even if we never saw it issued.
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=%-]+/gi;

export function createSecretRegistry(): SecretRegistry {
  const secrets = new Set<string>();
  return {
    add(secret) {
      if (secret === '' || secrets.has(secret)) return;
      secrets.add(secret);
      // A long-lived client sees a new token every few weeks; old ones are dead and need no hiding.
      if (secrets.size > MAX_REMEMBERED) secrets.delete(secrets.values().next().value!);
    },
    redact(text, extra = []) {
      let out = text.replace(SECRET_FIELD, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
      for (const secret of [...secrets, ...extra]) {
        if (secret === '') continue;
        for (const form of formsOf(secret)) out = hideFragments(out, form);
      }
      return out;
    },
  };
}

/** The secret as the service may echo it: as sent, URL-encoded (both ways), JSON-escaped. */
function formsOf(secret: string): Set<string> {
  return new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
  ]);
}

/**
 * Hides every occurrence of `secret`, and of every prefix of it at least MIN_FRAGMENT long (an
 * echo cut short). A secret shorter than that is hidden where it stands as a word of its own:
 * inside a longer word it reveals nothing, and hiding it there would garble the message.
 */
function hideFragments(text: string, secret: string): string {
  if (secret.length < MIN_FRAGMENT) {
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return text.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), REDACTED);
  }
  const probe = secret.slice(0, MIN_FRAGMENT);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, from)) {
    let length = MIN_FRAGMENT;
    while (length < secret.length && at + length < text.length && text[at + length] === secret[length]) length++;
    out += text.slice(from, at) + REDACTED;
    from = at + length;
  }
  return out + text.slice(from);
}
