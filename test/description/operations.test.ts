import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deref, loadDescription, type JsonObject } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';

const description = loadDescription();
const operations = listOperations(description);

// DESIGN.md's names, one per operation of the seed's user guide.
const expectedOperationIds = [
  'getToken', 'createUsers', 'getUser', 'listUsers', 'deleteUser', 'deleteUsers',
  'resetPassword', 'updateUser', 'addContact', 'removeContact', 'listContacts', 'listBlocks',
  'addBlocks', 'removeBlock', 'getStatus', 'getOfflineMessageCount', 'getOfflineMessageStatus',
  'deactivateUser', 'activateUser', 'disconnectUser',
];
// The operations the vendor documented later (issue 14), each marked with x-first-documented.
const laterOperationIds = ['getUsersStatus', 'listUserDevices', 'disconnectDevice', 'checkBlocks',
  'checkContacts', 'importContacts', 'listContactsPage', 'setContactRemark', 'updatePushNicknames',
  'setGlobalMute', 'listGlobalMutes', 'getGlobalMute',
  'setUserAttributes', 'getUserAttributes', 'deleteUserAttributes', 'getUsersAttributes', 'getAttributesCapacity'];
// Later operations whose pages answer a user that does not exist with an empty result, not 404.
const unknownUserIsEmpty = ['getUserAttributes', 'deleteUserAttributes'];
// Later operations that name their user in the body, and answer 404 when it does not exist.
const namesUserInBody = ['checkBlocks', 'checkContacts', 'updatePushNicknames'];

const HAN = /\p{Script=Han}/u;

describe('the bundled description', () => {
  it('holds the 20 operations of the seed, with DESIGN.md operationIds, and the later ones', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual([...expectedOperationIds, ...laterOperationIds].sort());
  });

  it('marks when each operation was first documented: 2015 for the seed, later for the rest', () => {
    for (const op of operations) {
      const year = String(op.operation['x-first-documented']);
      if (expectedOperationIds.includes(op.operationId)) expect(year, op.operationId).toBe('2015');
      else expect(Number(year), op.operationId).toBeGreaterThan(2015);
    }
  });

  it('is OpenAPI 3.1 with the app as the server', () => {
    expect(description.openapi).toMatch(/^3\.1\./);
    const servers = description.servers as Array<{ url: string }>;
    expect(servers[0]!.url).toBe('https://{host}/{org_name}/{app_name}');
    expect(servers.map((s) => s.url)).toContain('http://127.0.0.1:4010');
  });

  const declaredTags = new Set((description.tags as Array<{ name: string }>).map((t) => t.name));

  describe.each(operations)('$method $pathTemplate ($operationId)', (op) => {
    const o = op.operation;
    const responses = o.responses as Record<string, JsonObject>;

    it('has a summary, a bilingual description and a declared tag', () => {
      expect(String(o.summary).length).toBeGreaterThan(5);
      expect(o.description).toMatch(/[A-Za-z]{4,}/);
      expect(o.description).toMatch(HAN);
      expect(o.tags).toHaveLength(1);
      expect(declaredTags.has((o.tags as string[])[0]!)).toBe(true);
    });

    it('documents 200 with a schema and an example, and the shared error answers', () => {
      const ok = responses['200']!.content as Record<string, JsonObject>;
      expect(ok['application/json']!.schema).toBeDefined();
      expect(Object.keys(ok['application/json']!.examples as JsonObject).length).toBeGreaterThan(0);
      for (const status of ['400', '429', '500', '503', 'default']) expect(responses).toHaveProperty(status);
      for (const status of ['429', '503']) {
        const headers = deref<JsonObject>(description, responses[status]).headers as JsonObject;
        expect(headers).toHaveProperty('Retry-After');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (status === '200') continue;
        const content = deref<JsonObject>(description, response).content as Record<string, JsonObject>;
        expect(content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      }
    });

    it('requires the app token, except where the seed says otherwise', () => {
      // getToken: no token for client_credentials and password (first: the common grants), the
      // app token for inherit. createUsers: the app token (first: the recommended mode, and what
      // importers that take the first alternative send), or none in an app open to registration.
      if (op.operationId === 'getToken') {
        expect(o.security).toEqual([{}, { appToken: [] }]);
        expect(responses).toHaveProperty('401');
      } else if (op.operationId === 'createUsers') {
        expect(o.security).toEqual([{ appToken: [] }, {}]);
        expect(responses).toHaveProperty('401');
      } else {
        expect(o.security).toEqual([{ appToken: [] }]);
        expect(responses).toHaveProperty('401');
      }
    });

    it('answers 404 exactly when it names a user in the path', () => {
      const namesUser = /\{(username|owner_username)\}/.test(op.pathTemplate) && !unknownUserIsEmpty.includes(op.operationId);
      // The seed lists 404 for the user-list operations too.
      const seedListsIt = namesUser || op.pathTemplate === '/users' && op.method !== 'POST' || namesUserInBody.includes(op.operationId);
      // POST /token names a user in its body: the password and inherit grants answer 404 for an unknown one.
      if (op.operationId === 'getToken') return expect(responses).toHaveProperty('404');
      expect(Object.hasOwn(responses, '404')).toBe(seedListsIt);
    });
  });

  it('lets every cursor be sent empty, as the service takes `cursor=` for the first page (allowEmptyValue)', () => {
    // Without allowEmptyValue a Parameter Object forbids `cursor=`, and openapi-core refuses the
    // vendor's PHP example's first page (test/contract/other-validators.test.ts).
    const cursors = operations.flatMap((op) =>
      ((op.operation.parameters ?? []) as JsonObject[])
        .map((parameter) => deref(description, parameter) as JsonObject)
        .filter((parameter) => parameter.name === 'cursor' && parameter.in === 'query')
        .map((parameter) => [op.operationId, parameter.allowEmptyValue] as const),
    );
    expect(cursors.map(([id]) => id).sort()).toEqual(['deleteUsers', 'listBlocks', 'listContactsPage', 'listUsers']);
    for (const [id, allowed] of cursors) expect(allowed, id).toBe(true);
  });

  it('declares every component file of openapi/components under its own name', () => {
    for (const kind of ['schemas', 'parameters', 'responses', 'examples', 'headers']) {
      const dir = new URL(`../../openapi/components/${kind}/`, import.meta.url);
      const names = readdirSync(dir).map((file) => file.replace(/\.yaml$/, '')).sort();
      expect(Object.keys(description.components[kind] ?? {}).sort(), kind).toEqual(names);
    }
  });
});
