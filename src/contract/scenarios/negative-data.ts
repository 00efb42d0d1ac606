// Invalid inputs generated from the request schemas (fast-check, seeded, a bounded number per
// operation): every one must be answered 4xx in the error-body format (the contract checks hold
// the body), never 5xx, and must change nothing on the server.
import { expect } from '../suite/expect.ts';
import type { JsonObject } from '../description.ts';
import { listOperations, type Operation } from '../operations.ts';
import { bodyBreakers, parameterBreakers, sampleSeeded } from '../suite/invalid-inputs.ts';
import { parametersOf, requestFor } from '../suite/operation-requests.ts';
import { type Suite, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

const SEED = 20261123;
const BODIES_PER_OPERATION = 10;
const PARAMETER_VALUES_PER_OPERATION = 4;

export const negativeCasesRun = { count: 0 };

interface Fixtures {
  owner: string;
  friend: string;
  blocked: string;
  attempted: string;
}

/** Valid bodies built on this run's fixtures, to break one rule at a time. */
function validBody(op: Operation, suite: Suite, f: Fixtures): unknown {
  switch (op.operationId) {
    case 'getToken':
      return { grant_type: 'client_credentials', client_id: suite.target.clientId, client_secret: suite.target.clientSecret };
    case 'createUsers':
      return { username: f.attempted, password: 'Passw0rd-ct', nickname: 'n' };
    case 'updateUser':
      return { nickname: 'after' };
    case 'resetPassword':
      return { newpassword: 'Passw0rd-2' };
    case 'addBlocks':
      return { usernames: [f.friend] };
    default:
      return undefined;
  }
}

async function snapshot(suite: Suite, f: Fixtures, kind: TargetKind): Promise<unknown> {
  const { api } = suite;
  const state: Record<string, unknown> = {};
  for (const name of [f.owner, f.friend, f.blocked]) {
    const user = (await api.call('GET', `/users/${name}`)).body.entities?.[0];
    state[name] = { nickname: user?.nickname, activated: user?.activated, modified: user?.modified };
  }
  state.contacts = (await api.call('GET', `/users/${f.owner}/contacts/users`)).body.data;
  state.blocks = (await api.call('GET', `/users/${f.owner}/blocks/users`)).body.data;
  state.attempted = (await api.call('GET', `/users/${f.attempted}`)).status;
  if (kind === 'sandbox') {
    // The whole app: nobody created or deleted by a refused request.
    const everyone: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', '/users', { query: { limit: 100, ...(cursor && { cursor }) } });
      everyone.push(...page.body.entities.map((u: { username: string }) => u.username));
      cursor = page.body.cursor;
    } while (cursor);
    state.everyone = everyone.sort();
  }
  return state;
}

export function negativeDataScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('invalid inputs answer 4xx in the error format and change nothing', async (s) => {
      const { api, description } = s;
      const f: Fixtures = {
        owner: api.username('neg'),
        friend: api.username('neg'),
        blocked: api.username('neg'),
        attempted: api.username('neg'),
      };
      await api.createUsers(f.owner, f.friend, f.blocked);
      await api.call('POST', `/users/${f.owner}/contacts/users/${f.friend}`);
      await api.call('POST', `/users/${f.owner}/blocks/users`, { body: { usernames: [f.blocked] } });
      await api.call('PUT', `/users/${f.owner}`, { body: { nickname: 'before' } });
      const before = await snapshot(s, f, kind);

      const outcomes: string[] = [];
      const operations = listOperations(description).filter((op) => op.operationId !== 'deleteUsers' || s.target.destructive);
      for (const op of operations) {
        const base = requestFor(description, op, { user: f.owner, other: f.friend });
        const token = op.operationId === 'getToken' ? null : undefined;
        const body = validBody(op, s, f);
        const media = ((op.operation.requestBody as JsonObject | undefined)?.content as Record<string, JsonObject> | undefined)?.['application/json'];
        if (media && body !== undefined) {
          for (const [i, bad] of sampleSeeded(bodyBreakers(description, media.schema as JsonObject, body), BODIES_PER_OPERATION, SEED).entries()) {
            const answer = await api.call(base.method, base.path, { ...base.options, body: bad, token });
            outcomes.push(`${op.operationId} body#${i} → ${answer.status}`);
            expect(answer.status, `${op.operationId} invalid body #${i}`).toBeGreaterThanOrEqual(400);
            expect(answer.status, `${op.operationId} invalid body #${i}`).toBeLessThan(500);
          }
        }
        for (const parameter of parametersOf(description, op)) {
          for (const [i, value] of sampleSeeded([parameterBreakers(description, parameter)], PARAMETER_VALUES_PER_OPERATION, SEED).entries()) {
            const broken = requestFor(description, op, { user: f.owner, other: f.friend }, { [String(parameter.name)]: value });
            const options = { ...broken.options, token, ...(body !== undefined && { body }) };
            // A valid body with a broken parameter: only the parameter is wrong.
            const answer = await api.call(broken.method, broken.path, options);
            outcomes.push(`${op.operationId} ${parameter.name}#${i} → ${answer.status}`);
            expect(answer.status, `${op.operationId} ${parameter.name}=${value}`).toBeGreaterThanOrEqual(400);
            expect(answer.status, `${op.operationId} ${parameter.name}=${value}`).toBeLessThan(500);
          }
        }
      }
      negativeCasesRun.count += outcomes.length;
      expect(await snapshot(s, f, kind)).toEqual(before);
      expect(outcomes.length).toBeGreaterThan(50);
    });
  });
}
