// A team that tries the API in Postman: it imports the description (openapi-to-postmanv2, the
// converter behind Postman's "Import", with example values), sets `baseUrl` and its credentials,
// types a few values into the requests, and runs them in order (newman, Postman's collection
// runner), each with a Postman test. Every operation's request is sent as the importer made it,
// except for what a person would type; every answer must be the success the request asks for.
//
//   node program.mjs --check COLLECTION   the import holds one request for each operation, and
//                                         the scenario below uses each one (the "compile" step)
//   node program.mjs COLLECTION           runs it against EASEMOB_BASE_URL (a sandbox)
import { readFileSync } from 'node:fs';
import newman from 'newman';

const [mode, file] = process.argv[2] === '--check' ? ['check', process.argv[3]] : ['run', process.argv[2]];
const collection = JSON.parse(readFileSync(file, 'utf8'));
const bundle = JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8'));

/** The collection's requests, by `METHOD /path` with Postman's `:name` path variables. */
const requests = new Map();
(function walk(items) {
  for (const item of items) {
    if (item.item) walk(item.item);
    else {
      const route = `${item.request.method} /${item.request.url.path.join('/')}`;
      if (requests.has(route)) throw new Error(`the import holds ${route} twice`);
      requests.set(route, item);
    }
  }
})(collection.item);

const operations = Object.entries(bundle.paths).flatMap(([path, item]) =>
  ['get', 'put', 'post', 'delete', 'patch'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
);

// The scenario, in order: each step names an imported request, what a person edits in it, and
// what its Postman test checks beyond the status (a script run in Postman's sandbox, as text).
const EXPECT_200 = 'pm.response.to.have.status(200);';
const steps = [
  // The token request's example carries the vendor's sample credentials: a person types theirs.
  { route: 'POST /token', edit: (r) => editJson(r, (b) => ({ ...b, client_id: '{{clientId}}', client_secret: '{{clientSecret}}' })),
    test: `${EXPECT_200} pm.collectionVariables.set('bearerToken', pm.response.json().access_token);` },
  // The example registration, as imported: it must carry the app token (authorized registration).
  { route: 'POST /users', test: `${EXPECT_200} pm.expect(pm.response.json().entities[0].username).to.eql(JSON.parse(pm.request.body.raw).username);` },
  // Then the other users the examples name, as one batch a person would write.
  { route: 'POST /users', edit: (r) => setJson(r, namedUsers().map((username) => ({ username, password: '123456' }))),
    test: `${EXPECT_200} pm.expect(pm.response.json().entities).to.have.length(JSON.parse(pm.request.body.raw).length);` },
  { route: 'GET /users', test: `${EXPECT_200} pm.expect(pm.response.json().entities).to.not.be.empty;` },
  { route: 'GET /users/:username', test: `${EXPECT_200} pm.expect(pm.response.json().entities[0].username).to.eql(pm.request.url.getPath().split('/').pop());` },
  { route: 'PUT /users/:username' },
  { route: 'PUT /users/:username/password' },
  { route: 'POST /users/:username/contacts/import' },
  { route: 'GET /users/:owner_username/contacts/users' },
  // A person picks another user as the friend (the import fills in the owner's name for both).
  { route: 'POST /users/:owner_username/contacts/users/:friend_username', edit: (r) => setVariable(r, 'friend_username', friend()) },
  { route: 'PUT /user/:owner_username/contacts/users/:friend_username', edit: (r) => setVariable(r, 'friend_username', friend()) },
  { route: 'GET /user/:username/contacts', test: `${EXPECT_200} pm.expect(pm.response.json().data.contacts).to.not.be.empty;` },
  { route: 'POST /contacts/check' },
  { route: 'DELETE /users/:owner_username/contacts/users/:friend_username', edit: (r) => setVariable(r, 'friend_username', friend()) },
  { route: 'POST /users/:owner_username/blocks/users' },
  { route: 'GET /users/:owner_username/blocks/users', test: `${EXPECT_200} pm.expect(pm.response.json().data).to.not.be.empty;` },
  { route: 'POST /blocks/check' },
  { route: 'DELETE /users/:owner_username/blocks/users/:blocked_username', edit: (r) => setVariable(r, 'blocked_username', blocked()) },
  // The sandbox's control API (docs/sandbox.md) signs the user in on the device the example names.
  { control: () => ({ method: 'POST', path: `users/${owner()}/devices`, body: { res: variableOf('DELETE /users/:username/disconnect/:resourceId', 'resourceId') } }) },
  { route: 'GET /users/:username/status' },
  { route: 'POST /users/batch/status' },
  { route: 'GET /users/:username/resources', test: `${EXPECT_200} pm.expect(pm.response.json().data.map((d) => d.res)).to.include(pm.variables.get('resourceId'));` },
  { route: 'DELETE /users/:username/disconnect/:resourceId', test: `${EXPECT_200} pm.expect(pm.response.json().data.result).to.eql(true);` },
  { route: 'GET /users/:username/disconnect' },
  // ...and records an offline message with the example's id.
  { control: () => ({ method: 'POST', path: `users/${owner()}/offline_messages`, body: { msg_id: variableOf('GET /users/:username/offline_msg_status/:msg_id', 'msg_id') } }) },
  { route: 'GET /users/:owner_username/offline_msg_count', test: `${EXPECT_200} pm.expect(Object.values(pm.response.json().data)[0]).to.eql(1);` },
  { route: 'GET /users/:username/offline_msg_status/:msg_id', test: `${EXPECT_200} pm.expect(Object.values(pm.response.json().data)[0]).to.eql('undelivered');` },
  { route: 'POST /users/:username/deactivate' },
  { route: 'POST /users/:username/activate' },
  { route: 'PUT /push/nickname' },
  { route: 'POST /mutes' },
  { route: 'GET /mutes' },
  { route: 'GET /mutes/:username' },
  { route: 'PUT /metadata/user/:username', test: `${EXPECT_200} pm.expect(pm.response.json().data).to.not.be.empty;` },
  { route: 'GET /metadata/user/:username', test: `${EXPECT_200} pm.expect(pm.response.json().data).to.not.be.empty;` },
  { route: 'POST /metadata/user/get' },
  { route: 'GET /metadata/user/capacity' },
  { route: 'DELETE /metadata/user/:username' },
  { route: 'DELETE /users/:username' },
  { route: 'DELETE /users' },
];

// The import must hold one request per operation, and the scenario must send each one.
const used = new Set(steps.map((s) => s.route).filter(Boolean));
const problems = [
  ...operations.filter((o) => !requests.has(o)).map((o) => `no request for ${o}`),
  ...[...requests.keys()].filter((r) => !operations.includes(r)).map((r) => `a request for ${r}, which the description does not have`),
  ...[...requests.keys()].filter((r) => !used.has(r)).map((r) => `the scenario does not send ${r}`),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (mode === 'check') {
  console.log(`postman: ${requests.size} requests, one for each of the ${operations.length} operations`);
  process.exit(0);
}

/** The users the examples name besides the registered one: every name in a JSON body's user fields. */
function namedUsers() {
  const names = new Set();
  const collect = (value, key) => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => collect(v, k));
    else if (typeof value === 'string' && ['username', 'usernames', 'targets', 'check_list'].includes(key)) names.add(value);
  };
  for (const [route, item] of requests) if (route !== 'POST /users' && item.request.body?.mode === 'raw') collect(JSON.parse(item.request.body.raw));
  names.delete(owner());
  return [...names];
}
function owner() {
  return JSON.parse(requests.get('POST /users').request.body.raw).username;
}
function friend() {
  return namedUsers()[0];
}
function blocked() {
  return JSON.parse(requests.get('POST /users/:owner_username/blocks/users').request.body.raw).usernames[0];
}
function variableOf(route, key) {
  return requests.get(route).request.url.variable.find((v) => v.key === key).value;
}
function setVariable(request, key, value) {
  request.url.variable.find((v) => v.key === key).value = value;
}
function editJson(request, change) {
  setJson(request, change(JSON.parse(request.body.raw)));
}
function setJson(request, value) {
  request.body.raw = JSON.stringify(value, null, 2);
}

const baseUrl = process.env.EASEMOB_BASE_URL;
const { origin, pathname } = new URL(baseUrl);
const items = steps.map((step, i) => {
  if (step.control) {
    const { method, path, body } = step.control();
    return {
      name: `${i + 1}. sandbox control: ${method} ${path}`,
      request: { method, url: `${origin}/_sandbox${pathname}/${path}`, header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: JSON.stringify(body) }, auth: { type: 'noauth' } },
      event: [{ listen: 'test', script: { exec: [`pm.test('answered', () => { pm.response.to.have.status(201); });`] } }],
    };
  }
  const item = structuredClone(requests.get(step.route));
  step.edit?.(item.request);
  item.name = `${i + 1}. ${step.route} (${item.name})`;
  item.event = [{ listen: 'test', script: { exec: [`pm.test('answered', () => { ${step.test ?? EXPECT_200} });`] } }];
  return item;
});

const summary = await new Promise((resolve, reject) =>
  newman.run(
    {
      collection: { ...collection, item: items },
      envVar: [
        { key: 'baseUrl', value: baseUrl },
        { key: 'clientId', value: process.env.EASEMOB_CLIENT_ID },
        { key: 'clientSecret', value: process.env.EASEMOB_CLIENT_SECRET },
        { key: 'resourceId', value: variableOf('DELETE /users/:username/disconnect/:resourceId', 'resourceId') },
      ],
      reporters: [],
    },
    (error, result) => (error ? reject(error) : resolve(result)),
  ),
);

let failed = 0;
for (const execution of summary.run.executions) {
  const assertions = execution.assertions ?? [];
  const ok = execution.response && !execution.requestError && assertions.length > 0 && assertions.every((a) => !a.error);
  if (!ok) failed++;
  const status = execution.response?.code ?? 'no answer';
  const why = execution.requestError?.message ?? assertions.find((a) => a.error)?.error.message ?? '';
  const body = ok ? '' : `\n    ${execution.response?.stream?.toString().slice(0, 300) ?? ''}`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${String(status).padEnd(3)} ${execution.item.name}${why ? `: ${why}` : ''}${body}`);
}
if (summary.run.executions.length !== items.length) {
  console.error(`newman ran ${summary.run.executions.length} of ${items.length} requests`);
  failed++;
}
console.log(`postman: ${items.length - failed} of ${items.length} requests answered as expected`);
process.exit(failed ? 1 : 0);
