import { LeadStore, SidecarDatabase, HistoryStore, toRow } from '@/lib/db';
import { followSyncedOverrides } from '@/lib/db/tier-override-store';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { DEFAULT_TEAM_SETTINGS, PageCapture } from '@/lib/schema';
import { effectiveTier } from '@/lib/score';
import { makeCapture } from '../../helpers/make-capture';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const OVERRIDE = { tier: 'A' as const, reason: 'Strategic account', by: 'Manager Zhang', at: '2026-11-22T09:00:00.000Z' };

describe('a large pull bringing teammates’ overrides', () => {
  it('each lead’s tier state and history follow the override on it, and the re-score keeps it in force', async () => {
    const db = new SidecarDatabase('synced-overrides-large-pull');
    const leads = new LeadStore(db, { now: () => NOW });
    const saved = await Promise.all(
      ['alpha', 'beta', 'gamma'].map((name) => leads.saveClip(PageCapture.parse(makeCapture({ url: `https://www.${name}.example/`, domain: `${name}.example`, name })), {}, null)),
    );
    await rescoreLeads(db, DEFAULT_TEAM_SETTINGS, { now: () => NOW });
    // What a pull writes: the teammate's override on two of the leads (one of them lifted since).
    const [alpha, beta] = saved as [(typeof saved)[0], (typeof saved)[0]];
    await db.leads.put(toRow({ ...alpha, tier: 'A', tierOverride: OVERRIDE, versions: { ...alpha.versions, tierOverride: '1763802000000-0000-managerdevice' } }));
    await db.leads.put(toRow({ ...beta, tierOverride: { tier: null, reason: null, by: 'Manager Zhang', at: OVERRIDE.at }, versions: { ...beta.versions, tierOverride: '1763802000000-0000-managerdevice' } }));

    expect(await followSyncedOverrides(db, saved.map((lead) => lead.id), NOW, 2)).toBe(1);
    const history = new HistoryStore(db);
    const state = await history.tierState(alpha.id);
    expect(state.override).toEqual(OVERRIDE);
    expect(state.history.at(-1)).toMatchObject({ cause: 'override', from: 'C', to: 'A', by: 'Manager Zhang', reason: 'Strategic account', at: OVERRIDE.at });
    // A lifting of an override this device never had changes nothing here.
    expect((await history.tierState(beta.id)).history.map((entry) => entry.cause)).toEqual(['score']);
    // Again: nothing more.
    expect(await followSyncedOverrides(db, saved.map((lead) => lead.id), NOW)).toBe(0);

    // Settings under which every lead scores B: the overridden one stays A, the others move.
    await rescoreLeads(db, { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 90, A: 70, B: 0 } }, { now: () => NOW });
    expect((await db.leads.get(alpha.id))?.tier).toBe('A');
    expect(effectiveTier(await history.tierState(alpha.id))).toBe('A');
    expect((await db.leads.get(beta.id))?.tier).toBe('B');
    db.close();
  });
});
