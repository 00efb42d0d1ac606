// The contact operations of the later docs: import, paged list with remarks, remark, check.
// Only this run's users are touched, so it is safe against a live app.
import { expect } from '../suite/expect.ts';
import { NO_SUCH_USER, type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function contactsTodayScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('contacts: import → paged list → remark → check', async (suite) => {
      const { api } = suite;
      const [owner, a, b, stranger] = [api.username('ic'), api.username('ic'), api.username('ic'), api.username('ic')];
      await api.createUsers(owner, a, b, stranger);
      const imported = await api.call('POST', `/users/${owner}/contacts/import`, { body: { usernames: [a, b, NO_SUCH_USER] } });
      expect(imported.status).toBe(200);
      expect([...imported.body.data.success].sort()).toEqual([a, b].sort());
      expect(imported.body.data.NotExistFailed).toEqual([NO_SUCH_USER]);

      const remarked = await api.call('PUT', `/user/${owner}/contacts/users/${a}`, { body: { remark: 'ct remark' } });
      expect([remarked.status, remarked.body.status]).toEqual([200, 'ok']);
      if (kind !== 'proxy') {
        const notContacts = await api.call('PUT', `/user/${owner}/contacts/users/${stranger}`, { body: { remark: 'x' } });
        expect([notContacts.status, notContacts.body.error]).toEqual([400, 'illegal_argument']);
      }

      const seen: Array<{ username: string; remark: string | null }> = [];
      let cursor: string | undefined;
      do {
        const page = await api.call('GET', `/user/${owner}/contacts`, { query: { limit: 1, needReturnRemark: 'true', ...(cursor && { cursor }) } });
        expect(page.status).toBe(200);
        seen.push(...page.body.data.contacts);
        cursor = page.body.data.cursor;
      } while (cursor);
      expect(seen.map((c) => c.username).sort()).toEqual([a, b].sort());
      expect(seen.find((c) => c.username === a)?.remark).toBe('ct remark');

      const checked = await api.call('POST', '/contacts/check', { body: { username: owner, check_list: [a, stranger] } });
      expect(checked.status).toBe(200);
      expect(checked.body.entities).toEqual([
        { username: a, relation: 'friend' },
        { username: stranger, relation: 'not_friend' },
      ]);
      if (kind !== 'remote') {
        const unknown = await api.call('POST', '/contacts/check', { body: { username: NO_SUCH_USER, check_list: [a] } });
        expect(unknown.status).toBe(404);
      }
      await api.call('POST', `/users/${stranger}/deactivate`);
      const banned = await api.call('POST', '/contacts/check', { body: { username: stranger, check_list: [a] } });
      expect([banned.status, banned.body.error]).toEqual([403, 'forbidden_service_operation']);
      await api.call('POST', `/users/${stranger}/activate`);
    });
  });
}
