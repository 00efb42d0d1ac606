// A person who tries the API in Swagger UI, on a team's docs portal (another origin), in a real
// headless Chromium with every request that leaves 127.0.0.1 blocked. Swagger UI loads the
// description from the sandbox's URL, as such portals and editor.swagger.io do; "Try it out" then
// sends each request with the values Swagger UI fills in from the description's examples. The
// person types only their credentials, the token and one batch of the users the examples name.
//
//   node program.ts --check PAGE_DIR   the page renders the bundle: one block per operation, no
//                                      error shown (the "compile" step)
//   node program.ts PAGE_DIR           the session against EASEMOB_BASE_URL (the sandbox, through
//                                      the checking proxy): every operation must succeed
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser.ts';

const [mode, pageDir] = process.argv[2] === '--check' ? (['check', process.argv[3]] as const) : (['run', process.argv[2]] as const);
const projectRoot = new URL('../../../', import.meta.url);
const bundlePath = new URL('generated/openapi.json', projectRoot);
type Json = any; // the bundle, read as plain JSON
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Json;
const swaggerUi = new URL('node_modules/swagger-ui-dist/', projectRoot);

const operations = new Map<string, { method: string; path: string; operation: Json }>();
for (const [path, item] of Object.entries<Json>(bundle.paths)) {
  for (const method of ['get', 'put', 'post', 'delete']) if (item[method]) operations.set(item[method].operationId, { method, path, operation: item[method] });
}
const deref = (value: Json): Json => (value?.$ref ? deref(value.$ref.split('/').slice(1).reduce((at: Json, key: string) => at[key], bundle)) : value);
const firstExample = (holder: Json): Json => deref(Object.values<Json>(holder.examples ?? {})[0])?.value;

/** The value Swagger UI fills in for a parameter: its first named example. */
function exampleOf(operationId: string, name: string): string {
  const parameter = (operations.get(operationId)!.operation.parameters as Json[]).map(deref).find((p) => p.name === name);
  return String(firstExample(parameter));
}

/** The users the examples name (request bodies' user fields, path parameters), but the one the registration example registers. */
function namedUsers(): string[] {
  const names = new Set<string>();
  const collect = (value: Json, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => collect(v, k));
    else if (typeof value === 'string' && ['username', 'usernames', 'targets', 'check_list'].includes(key!)) names.add(value);
  };
  for (const { operation } of operations.values()) {
    for (const parameter of (operation.parameters ?? []).map(deref)) if (/username$/.test(parameter.name)) names.add(String(firstExample(parameter)));
    if (operation.operationId !== 'createUsers' && operation.requestBody) collect(firstExample(deref(operation.requestBody).content['application/json'] ?? {}));
  }
  names.delete(firstExample(deref(operations.get('createUsers')!.operation.requestBody).content['application/json']).username);
  return [...names];
}

/** The docs portal: the page, Swagger UI's files and (for --check) the bundle, on 127.0.0.1. */
async function servePortal(): Promise<{ origin: string; server: Server }> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json' };
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://portal').pathname;
    const file =
      path === '/' ? join(pageDir!, 'index.html') : path === '/openapi.json' ? bundlePath : /^\/[\w.-]+\.(js|css)$/.test(path) ? new URL(path.slice(1), swaggerUi) : undefined;
    try {
      const body = readFileSync(file!);
      res.writeHead(200, { 'content-type': `${types[String(file).split('.').pop()!]}; charset=utf-8` }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

const portal = await servePortal();
const browser = await launchChromium();
const left: string[] = [];
const problems: string[] = [];
try {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    left.push(url.href);
    return route.abort('internetdisconnected');
  });
  const tab = await context.newPage();
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const descriptionUrl = mode === 'check' ? `${portal.origin}/openapi.json` : `${new URL(process.env.EASEMOB_BASE_URL!).origin}/openapi.json`;
  await tab.goto(`${portal.origin}/?url=${encodeURIComponent(descriptionUrl)}`);
  await tab.locator('.opblock').first().waitFor({ timeout: 30_000 });
  if (mode === 'check') await check(tab);
  else await session(tab);
} finally {
  await browser.close();
  portal.server.close();
}
if (left.length) problems.push(`requests left 127.0.0.1: ${[...new Set(left)].join(', ')}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

async function check(tab: Page): Promise<void> {
  const shown = await tab.locator('.opblock').count();
  // Swagger UI lists what it could not read (a $ref it cannot resolve, a structural error) in an
  // errors panel above the operations.
  const errors = await tab.locator('.errors-wrapper').allTextContents();
  if (shown !== operations.size) problems.push(`Swagger UI shows ${shown} operations, the description has ${operations.size}`);
  if (errors.length) problems.push(`Swagger UI reports: ${errors.join(' | ')}`);
  console.log(`swagger-ui: ${shown} operations shown, ${errors.length ? 'with errors' : 'no errors'}`);
}

async function session(tab: Page): Promise<void> {
  const baseUrl = process.env.EASEMOB_BASE_URL!;
  const servers = await tab.locator('.servers select option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  if (servers[0] !== baseUrl) problems.push(`Swagger UI's first server is ${servers[0]}, not the sandbox it loaded the description from (${baseUrl})`);

  let passed = 0;
  const tried: string[] = [];
  /** Opens an operation, lets `edit` type into it, executes it and reads the answer shown. */
  async function tryOut(operationId: string, edit?: (op: Locator) => Promise<void>): Promise<string> {
    const { method, path } = operations.get(operationId)!;
    tried.push(operationId);
    const op = tab.locator(`.opblock-${method}`).filter({ has: tab.locator(`.opblock-summary-path[data-path="${path}"]`) });
    await op.locator('.opblock-summary-control').click();
    await edit?.(op);
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table tbody .response-col_status');
    const answered = await status.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    const code = answered ? (await status.textContent())!.trim() : 'no answer';
    const shown = answered ? ((await op.locator('.live-responses-table tbody .response-col_description pre').first().textContent()) ?? '') : '';
    const refused = answered ? '' : (await op.locator('.validation-errors').allTextContents()).join(' ');
    const ok = /^2\d\d$/.test(code);
    if (ok) passed++;
    else problems.push(`${operationId}: ${code} ${refused}${shown.replace(/\s+/g, ' ').slice(0, 300)}`);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${code.padEnd(3)} ${method.toUpperCase()} ${path} (${operationId})`);
    await op.locator('.opblock-summary-control').click();
    return shown;
  }
  const typeBody = (value: unknown) => (op: Locator) => op.locator('textarea.body-param__text').fill(JSON.stringify(value, null, 2));
  const control = async (path: string, body: unknown) => {
    // The sandbox's control API (docs/sandbox.md), as a person would call it with curl.
    const answer = await fetch(`${new URL(baseUrl).origin}/_sandbox${new URL(baseUrl).pathname}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (answer.status !== 201) problems.push(`control ${path}: ${answer.status}`);
  };

  // The token request's example carries the vendor's sample credentials: a person types theirs.
  const token = JSON.parse(
    await tryOut('getToken', typeBody({ grant_type: 'client_credentials', client_id: process.env.EASEMOB_CLIENT_ID, client_secret: process.env.EASEMOB_CLIENT_SECRET })),
  ) as { access_token: string };
  await tab.locator('.auth-wrapper button.authorize').click();
  await tab.locator('.auth-container input').first().fill(token.access_token);
  await tab.locator('.auth-container button.authorize').first().click();
  await tab.locator('.auth-container button.btn-done').first().click();
  // The example registration as filled in, then the other users the examples name, in one batch.
  await tryOut('createUsers');
  await tryOut('createUsers', typeBody(namedUsers().map((username) => ({ username, password: 'p4ssw0rd' }))));
  for (const id of ['listUsers', 'getUser', 'updateUser', 'resetPassword', 'importContacts', 'listContacts', 'addContact', 'setContactRemark', 'listContactsPage', 'checkContacts', 'removeContact']) await tryOut(id);
  for (const id of ['addBlocks', 'listBlocks', 'checkBlocks', 'removeBlock']) await tryOut(id);
  // The device and the offline message the examples name, through the sandbox's control API.
  await control(`users/${exampleOf('getStatus', 'username')}/devices`, { res: exampleOf('disconnectDevice', 'resourceId') });
  await control(`users/${exampleOf('getOfflineMessageStatus', 'username')}/offline_messages`, { msg_id: exampleOf('getOfflineMessageStatus', 'msg_id') });
  for (const id of ['getStatus', 'getUsersStatus', 'listUserDevices', 'disconnectDevice', 'disconnectUser', 'getOfflineMessageCount', 'getOfflineMessageStatus']) await tryOut(id);
  for (const id of ['deactivateUser', 'activateUser', 'updatePushNicknames', 'setGlobalMute', 'listGlobalMutes', 'getGlobalMute']) await tryOut(id);
  for (const id of ['setUserAttributes', 'getUserAttributes', 'getUsersAttributes', 'getAttributesCapacity', 'deleteUserAttributes']) await tryOut(id);
  // Deletions last: deleteUsers removes the oldest users, whoever they are.
  for (const id of ['deleteUser', 'deleteUsers']) await tryOut(id);

  const untried = [...operations.keys()].filter((id) => !tried.includes(id));
  if (untried.length) problems.push(`the session does not try ${untried.join(', ')}`);
  console.log(`swagger-ui: ${passed} of ${tried.length} requests answered with success`);
}
