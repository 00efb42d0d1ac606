/** Replaces anything secret in a text with `[redacted]`. */
export type Redactor = (text: string) => string;

export interface SecretRegistry {
  /** Remembers a value (client secret, a token) so that it is never shown again. */
  add(secret: string): void;
  redact: Redactor;
}

const REDACTED = '[redacted]';
const MAX_REMEMBERED = 32;
// The service quotes request bodies in some errors (json_parse); password fields are secret
// whatever their value, and a bearer token is secret even if we never saw it issued.
const PASSWORD_FIELD = /("(?:password|newpassword|oldpassword|client_secret)"\s*:\s*")(?:[^"\\]|\\.)*"/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function createSecretRegistry(): SecretRegistry {
  const secrets = new Set<string>();
  return {
    add(secret) {
      // Very short values would blank out ordinary words; real secrets and tokens are long.
      if (secret.length < 6 || secrets.has(secret)) return;
      secrets.add(secret);
      // A long-lived client sees a new token every few weeks; old ones are dead and need no hiding.
      if (secrets.size > MAX_REMEMBERED) secrets.delete(secrets.values().next().value!);
    },
    redact(text) {
      let out = text.replace(PASSWORD_FIELD, `$1${REDACTED}"`).replace(BEARER, `$1${REDACTED}`);
      for (const secret of secrets) out = out.replaceAll(secret, REDACTED);
      return out;
    },
  };
}
