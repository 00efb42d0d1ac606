// The one scenario every generated TypeScript client runs against the sandbox (issue 12). Each
// generator's program.ts adapts its generated code to `GeneratedClient`; the checks live here
// once. The Java, Python and Go programs run the same steps in their own language.

export interface Page {
  usernames: string[];
  cursor?: string;
}

export interface ErrorAnswer {
  status: number;
  /** `error` of the decoded ErrorBody. */
  error: string;
  errorDescription: string;
}

export interface GeneratedClient {
  /** POST /token with the client credentials; the access token. */
  getToken(clientId: string, clientSecret: string): Promise<string>;
  /** POST /users with one user; the username in the answer's entity. */
  register(token: string, username: string, password: string): Promise<string>;
  /** GET /users/{username}; the username in the answer's entity. */
  getUser(token: string, username: string): Promise<string>;
  /** GET /users?limit=&cursor= */
  listUsers(token: string, limit: number, cursor: string | undefined): Promise<Page>;
  /** GET /users/{username} of a user that does not exist, decoded as the error body. */
  getMissingUser(token: string, username: string): Promise<ErrorAnswer>;
}

/** For clients that answer `{ status, data }` unions typed per status (orval, oazapfts). */
export function ok<R extends { status: number }>(answer: R): Extract<R, { status: 200 }> {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer)}`);
  return answer as Extract<R, { status: 200 }>;
}

/**
 * POST /token answers a oneOf (TokenResponse for client_credentials, UserTokenResponse for the
 * user grants); each generator types it as a union, narrowed here the TypeScript way, by a
 * property only the app token's answer has.
 */
export function appToken<A extends { access_token: string }>(answer: A): string {
  if (!('application' in answer)) throw new Error(`expected an app token answer, got ${JSON.stringify(answer)}`);
  return answer.access_token;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`scenario failed: ${message}`);
}

export function environment(): { baseUrl: string; clientId: string; clientSecret: string; prefix: string } {
  const { EASEMOB_BASE_URL, EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET, SCENARIO_PREFIX } = process.env;
  if (!EASEMOB_BASE_URL || !EASEMOB_CLIENT_ID || !EASEMOB_CLIENT_SECRET) {
    throw new Error('set EASEMOB_BASE_URL, EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET');
  }
  return {
    baseUrl: EASEMOB_BASE_URL,
    clientId: EASEMOB_CLIENT_ID,
    clientSecret: EASEMOB_CLIENT_SECRET,
    prefix: SCENARIO_PREFIX ?? 'gen',
  };
}

export async function runScenario(client: GeneratedClient): Promise<void> {
  const env = environment();
  const token = await client.getToken(env.clientId, env.clientSecret);
  check(token.length > 0, 'an access token');

  const names = [1, 2, 3].map((n) => `${env.prefix}_user${n}`);
  for (const name of names) {
    check((await client.register(token, name, 'secret-123')) === name, `registered ${name}`);
  }
  // Lookups ignore case: read the first one back in upper case.
  check((await client.getUser(token, names[0]!.toUpperCase())) === names[0], 'read back');

  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.listUsers(token, 2, cursor);
    seen.push(...page.usernames);
    cursor = page.cursor;
    pages += 1;
    check(pages <= 50, 'the cursor ends');
  } while (cursor);
  for (const name of names) check(seen.includes(name), `listed ${name} across ${pages} pages`);
  check(pages >= 2, 'more than one page followed');

  const missing = await client.getMissingUser(token, `${env.prefix}_nobody`);
  check(missing.status === 404, `404 for a missing user, got ${missing.status}`);
  check(missing.error === 'service_resource_not_found', `error code, got ${missing.error}`);
  check(missing.errorDescription.length > 0, 'error_description');
  console.log(`scenario passed: token, 3 registered, read back, ${seen.length} listed over ${pages} pages, 404 decoded`);
}
