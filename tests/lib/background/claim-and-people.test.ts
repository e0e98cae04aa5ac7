import { ownerLabel } from '@/components/popup/use-team-people';
import { loadTeamPeople } from '@/lib/background/team-people';
import { syncHandlers } from '@/lib/background/sync-handlers';
import type { SyncScheduler } from '@/lib/background/sync-scheduler';
import { translator } from '@/lib/i18n';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import type { TestUser } from '../../server/harness';
import { signedInTeam } from './signed-in-team';
import { makeLead, stamper } from '../../server/records';
import { newClientId, push, put } from '../../server/sync-calls';

const fromPopup = { fromExtensionPage: true, tabId: null, url: null } as never;

describeEachBackend('the pool and the team’s people in the popup', (backend) => {
  const database = useMigratedDatabase(backend);

  async function signedIn(roles: Array<'manager' | 'rep'>) {
    const { h, users, fetchApp, requests } = await signedInTeam(database(), roles);
    const synced = vi.fn(async () => {});
    const handlers = syncHandlers({ run: synced } as unknown as SyncScheduler, fetchApp);
    return { h, users, handlers, synced, fetchApp, requests };
  }

  it('a rep claims a pool lead: the server makes them the owner and the popup pulls it at once', async () => {
    const { h, users, handlers, synced } = await signedIn(['rep', 'rep']);
    const [me, colleague] = users as [TestUser, TestUser];
    const pool = makeLead(stamper('pool')(), { domain: 'pool-lead.example' });
    const theirs = makeLead(stamper('pool')(), { domain: 'theirs.example', ownerId: colleague.id });
    await push(h, colleague, newClientId(), [put('leads', pool), put('leads', theirs)]);
    expect(await handlers['lead.claim']({ id: pool.id }, fromPopup)).toEqual({ ownerId: me.id });
    expect(synced).toHaveBeenCalledWith('now');
    await expect(handlers['lead.claim']({ id: theirs.id }, fromPopup)).rejects.toThrow(/refused the claim: another rep owns this lead/);
  });

  it('names owners from the team list, asking the server again only when the list is stale', async () => {
    const { users, fetchApp, requests } = await signedIn(['rep', 'manager']);
    const [me, boss] = users as [TestUser, TestUser];
    let now = 1_000_000;
    const people = await loadTeamPeople({ doFetch: fetchApp, now: () => now });
    expect(people.me).toBe(me.id);
    const t = translator('en');
    expect(ownerLabel(me.id, people, t)).toBe('You');
    expect(ownerLabel(boss.id, people, t)).toBe(boss.email);
    expect(ownerLabel(null, people, t)).toBe('Nobody: in the team pool');
    expect(ownerLabel(null, null, t)).toBe('Not assigned');
    await loadTeamPeople({ doFetch: fetchApp, now: () => now });
    expect(requests()).toBe(1);
    now += 16 * 60_000;
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    // Stale and the server is unreachable: the last list still names the owners.
    expect((await loadTeamPeople({ doFetch: offline, now: () => now })).members).toHaveLength(2);
  });
});
