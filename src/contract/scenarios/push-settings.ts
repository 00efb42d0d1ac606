// PUT /users/{username} with the push settings the vendor's SDKs send, alone and together.
import { expect } from '../suite/expect.ts';
import { type TargetKind, collect, type Scenario } from '../suite/suite.ts';

export function pushSettingsScenarios(kind: TargetKind): Scenario[] {
  return collect((scenario) => {
    scenario('updateUser: the display style alone (as the string "1"), then do-not-disturb alone; getUser shows both', async (suite) => {
      const { api } = suite;
      const name = api.username('push');
      await api.createUsers(name);
      const style = await api.call('PUT', `/users/${name}`, { body: { notification_display_style: '1' } });
      expect(style.status).toBe(200);
      expect(style.body.entities[0].notification_display_style).toBe(1);
      const quiet = await api.call('PUT', `/users/${name}`, {
        body: { notification_no_disturbing: true, notification_no_disturbing_start: '22', notification_no_disturbing_end: '7' },
      });
      expect(quiet.status).toBe(200);
      const got = await api.call('GET', `/users/${name}`);
      expect(got.body.entities[0].notification_display_style).toBe(1);
      expect(got.body.entities[0].notification_no_disturbing).toBe(true);
    });

    // Prism's proxy refuses a request the description does not allow before the service sees it.
    if (kind === 'proxy') return;

    scenario('updateUser: a display style outside 0/1 is 400 and changes nothing', async (suite) => {
      const { api } = suite;
      const name = api.username('push');
      await api.createUsers(name);
      const answer = await api.call('PUT', `/users/${name}`, { rawBody: '{"notification_display_style": 2}' });
      expect(answer.status).toBe(400);
      expect((await api.call('GET', `/users/${name}`)).body.entities[0].notification_display_style).toBeUndefined();
    });
  });
}
