import { publishTeamSettings } from '@/lib/background';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '@/lib/schema';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { signedInTeam } from './signed-in-team';

const LOWER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } });

describeEachBackend('team settings changed on the options page while signed in to a team', (backend) => {
  const database = useMigratedDatabase(backend);

  async function signedInAs(role: 'manager' | 'rep') {
    const { h, me: user, fetchApp } = await signedInTeam(database(), [role]);
    return { h, user, fetchApp };
  }

  it('a manager’s change goes to the team server, which every device then pulls', async () => {
    const { h, user, fetchApp } = await signedInAs('manager');
    expect((await publishTeamSettings(LOWER_BAR, fetchApp)).thresholds).toEqual({ S: 60, A: 40, B: 20 });
    const { json } = await h.call('GET', '/v1/team/settings', undefined, user.token);
    expect(json.settings.thresholds).toEqual({ S: 60, A: 40, B: 20 });
  });

  it('a rep’s change is refused with the server’s reason, and the team keeps its settings', async () => {
    const { h, user, fetchApp } = await signedInAs('rep');
    await expect(publishTeamSettings(LOWER_BAR, fetchApp)).rejects.toThrow(/refused the settings: only a manager or admin/);
    const { json } = await h.call('GET', '/v1/team/settings', undefined, user.token);
    expect(json.settings.thresholds).toEqual(DEFAULT_TEAM_SETTINGS.thresholds);
  });

  it('an unreachable server changes nothing and says so', async () => {
    await signedInAs('manager');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(publishTeamSettings(LOWER_BAR, down)).rejects.toThrow(/cannot be reached, so the team's settings were not changed/);
  });
});
