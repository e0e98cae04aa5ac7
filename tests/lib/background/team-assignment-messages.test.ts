import { teamSettingsHandlers } from '@/lib/background/team-settings-handlers';
import { DEFAULT_TEAM_SETTINGS } from '@/lib/schema';
import { clearBackend } from '@/lib/settings/backend-store';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import type { TestUser } from '../../server/harness';
import { signedInTeam } from './signed-in-team';
import { makeLead, stamper } from '../../server/records';
import { newClientId, push, put } from '../../server/sync-calls';

const sender = (fromExtensionPage: boolean) => ({ fromExtensionPage, tabId: null, url: null }) as never;
const fromOptions = sender(true);

describeEachBackend('assignment from the options page', (backend) => {
  const database = useMigratedDatabase(backend);

  async function signedIn(roles: Array<'manager' | 'rep'>) {
    const { h, users, fetchApp } = await signedInTeam(database(), roles);
    return { h, users, handlers: teamSettingsHandlers(null, async (s) => s, null, fetchApp) };
  }

  it('signed out there is nobody to assign to, and the pool cannot be handed out', async () => {
    await clearBackend();
    const handlers = teamSettingsHandlers(null, async (s) => s, null, (async () => {
      throw new Error('no request is expected signed out');
    }) as typeof fetch);
    expect(await handlers['team.members']({}, fromOptions)).toEqual({ signedIn: false, me: null, members: [] });
    await expect(handlers['team.assignPool']({}, fromOptions)).rejects.toThrow(/Sign in to your team first/);
  });

  it('lists the team, and a manager hands the pool out by the rules', async () => {
    const { h, users, handlers } = await signedIn(['manager', 'rep']);
    const [manager, rep] = users as [TestUser, TestUser];
    const members = await handlers['team.members']({}, fromOptions);
    expect(members.members.map((m) => m.email).sort()).toEqual([manager.email, rep.email].sort());
    await push(h, rep, newClientId(), [put('leads', makeLead(stamper('pool')(), { tier: 'B', domain: 'pool.example' }))]);
    await h.call('PUT', '/v1/team/settings', { ...DEFAULT_TEAM_SETTINGS, assignment: { appliesTo: 'unowned', rules: [{ tiers: ['B'], regions: [], industries: [], assignees: [rep.id] }] } }, manager.token);
    expect(await handlers['team.assignPool']({}, fromOptions)).toEqual({ assigned: 1, unmatched: 0 });
    await expect(handlers['team.assignPool']({}, sender(false))).rejects.toThrow(/options page/);
  });

  it("a rep is told the server's reason", async () => {
    const { handlers } = await signedIn(['rep']);
    await expect(handlers['team.assignPool']({}, fromOptions)).rejects.toThrow(/refused to hand out the pool: only a manager or admin/);
  });
});
