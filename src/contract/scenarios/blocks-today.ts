// The block-list operations of the later docs: the paged block list and POST /blocks/check.
// Only this run's users are touched, so it is safe against a live app.
import { expect } from '../suite/expect.ts';
import { NO_SUCH_USER, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function blocksTodayScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('block list: paged newest first; check says who is on it; 404 and 403 owners', async (suite) => {
      const { api } = suite;
      const [owner, a, b, c] = [api.username('pb'), api.username('pb'), api.username('pb'), api.username('pb')];
      await api.createUsers(owner, a, b, c);
      for (const name of [a, b, c]) expect((await api.call('POST', `/users/${owner}/blocks/users`, { body: { usernames: [name] } })).status).toBe(200);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.call('GET', `/users/${owner}/blocks/users`, { query: { pageSize: 2, ...(cursor && { cursor }) } });
        expect(page.status).toBe(200);
        expect(page.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.data);
        cursor = page.body.cursor;
      } while (cursor);
      expect([...seen].sort()).toEqual([a, b, c].sort());

      const checked = await api.call('POST', '/blocks/check', { body: { username: owner, check_list: [a, NO_SUCH_USER] } });
      expect(checked.status).toBe(200);
      expect(checked.body.entities).toEqual([
        { username: a, relation: 'blacklist' },
        { username: NO_SUCH_USER, relation: 'not_blacklist' },
      ]);
      if (kind !== 'remote') {
        // The vendor's page documents neither answer; the sandbox's are 404 and 403.
        const unknown = await api.call('POST', '/blocks/check', { body: { username: NO_SUCH_USER, check_list: [a] } });
        expect([unknown.status, unknown.body.error]).toEqual([404, 'service_resource_not_found']);
      }
      await api.call('POST', `/users/${owner}/deactivate`);
      const banned = await api.call('POST', '/blocks/check', { body: { username: owner, check_list: [a] } });
      expect([banned.status, banned.body.error]).toEqual([403, 'forbidden_service_operation']);
      await api.call('POST', `/users/${owner}/activate`);
    });
  });
}
