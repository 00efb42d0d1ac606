// The same live target through the package's typed client (src/client), its answers held by
// the same contract checks: what other teams' code will actually send.
import { expect } from '../suite/expect.ts';
import { ContractChecker } from '../check-exchange.ts';
import { contractFetch } from '../contract-fetch.ts';
import { createEasemobClient, EasemobError, ensureUser, listAllUsers } from '../../client/index.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function typedClientScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('the typed client registers, finds and pages through users, and raises EasemobError', async (suite) => {
      const { api, target, description, coverage } = suite;
      const checked = contractFetch(new ContractChecker(description, target.baseUrl), coverage);
      const client = createEasemobClient({
        baseUrl: target.baseUrl,
        clientId: target.clientId,
        clientSecret: target.clientSecret,
        // The suite's own throttle paces these calls too, so the two never add up past the limit.
        fetch: api.throttled(checked.fetch),
        throttle: false,
      });
      const name = api.username('typed');
      expect(await ensureUser(client, { username: name, password: 'Passw0rd-ct' })).toMatchObject({ created: true });
      api.created.add(name);
      expect(await ensureUser(client, { username: name.toUpperCase(), password: 'other' })).toEqual({ created: false });

      const { data } = await client.GET('/users/{username}', { params: { path: { username: name } } });
      expect(data?.entities[0]?.username).toBe(name);

      if (kind !== 'remote') {
        const everyone: string[] = [];
        for await (const user of listAllUsers(client, { pageSize: 7 })) everyone.push(user.username);
        expect(everyone).toContain(name);
        expect(new Set(everyone).size).toBe(everyone.length);
      }
      const missing = await client.GET('/users/{username}', { params: { path: { username: `${name}x` } } }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(EasemobError);
      expect((missing as EasemobError).status).toBe(404);
      expect(checked.violations).toEqual([]);
    });
  });
}
