import { LeadTracker } from '@/lib/background';
import { HistoryStore, LeadStore, SidecarDatabase } from '@/lib/db';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { applyTierOverride } from '@/lib/score';
import { DEFAULT_TEAM_SETTINGS, TeamSettings, type LeadPatch } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const BIG_BUYER: LeadPatch = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' }, decisionTimeline: 'this month' };

async function storeWith(count: number, facts: (i: number) => LeadPatch) {
  const db = new SidecarDatabase(`rescore-${++counter}`);
  const leads = new LeadStore(db, { now: () => NOW });
  // Saved as the background saves: scored with the defaults, tier and history stored.
  const tracker = new LeadTracker(db, leads, { now: () => NOW });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const domain = `company-${i}.com`;
    const lead = await leads.saveClip(makeCapture({ url: `https://www.${domain}/`, domain, name: `Company ${i}` }), facts(i), null);
    await tracker.afterWrite(lead, [], null);
    ids.push(lead.id);
  }
  return { db, leads, ids };
}

/** Thresholds lowered so that a lead scoring 60 (A by default) becomes S. */
const LOWER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } });

describe('re-scoring every lead after the team changes its settings', () => {
  it('moves the tiers the new thresholds change, page by page, and records each change in the lead history', async () => {
    const { db, leads, ids } = await storeWith(7, (i) => (i % 2 === 0 ? { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } } : {}));
    const before = await Promise.all(ids.map((id) => leads.get(id)));
    expect(before.map((lead) => lead?.tier)).toEqual(['A', 'C', 'A', 'C', 'A', 'C', 'A']);

    const pages: number[] = [];
    const result = await rescoreLeads(db, LOWER_BAR, { now: () => NOW, pageSize: 3, onProgress: (p) => void pages.push(p.done) });
    expect(pages).toEqual([3, 6, 7]);
    expect(result).toMatchObject({ done: 7, total: 7, changed: 4 });
    const after = await Promise.all(ids.map((id) => leads.get(id)));
    expect(after.map((lead) => lead?.tier)).toEqual(['S', 'C', 'S', 'C', 'S', 'C', 'S']);
    const history = await new HistoryStore(db).tierState(ids[0]!);
    expect(history.history.at(-1)).toMatchObject({ from: 'A', to: 'S', cause: 'score' });
  });

  it('keeps a manager’s override in force', async () => {
    const { db, leads, ids } = await storeWith(1, () => BIG_BUYER);
    const history = new HistoryStore(db);
    const state = await history.tierState(ids[0]!);
    const overridden = applyTierOverride(state, { tier: 'B', by: 'Manager Wang', reason: 'Parent company is a competitor', at: NOW.toISOString() });
    if (!overridden.ok) throw new Error(overridden.error.message);
    await history.saveTierState(ids[0]!, state, overridden.data);
    await leads.update(ids[0]!, { tier: 'B' });

    await rescoreLeads(db, LOWER_BAR, { now: () => NOW });
    expect((await leads.get(ids[0]!))?.tier).toBe('B');
  });

  it('a run that stopped resumes after the last lead it handled', async () => {
    const { db, leads, ids } = await storeWith(5, () => ({ employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } }));
    const sorted = [...ids].sort();
    const result = await rescoreLeads(db, LOWER_BAR, { now: () => NOW, after: sorted[2] });
    expect(result).toMatchObject({ done: 5, changed: 2 });
    const tiers = await Promise.all(sorted.map(async (id) => (await leads.get(id))?.tier));
    expect(tiers).toEqual(['A', 'A', 'A', 'S', 'S']);
  });

  it('a rep’s edit and a re-score of the same lead both land, and the edit is versioned after the tier', async () => {
    const { db, leads, ids } = await storeWith(1, () => ({ employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } }));
    const [, edited] = await Promise.all([rescoreLeads(db, LOWER_BAR, { now: () => NOW }), leads.update(ids[0]!, { industry: 'Manufacturing' })]);
    const lead = await leads.get(ids[0]!);
    expect(lead).toMatchObject({ tier: 'S', industry: 'Manufacturing' });
    expect(edited?.industry).toBe('Manufacturing');
  });
});

describe('re-scoring and team sync', () => {
  it('does not queue the derived tiers for the server: every device re-scores for itself', async () => {
    const { db } = await storeWith(3, () => ({ employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } }));
    const queued = await db.outbox.count();
    const result = await rescoreLeads(db, LOWER_BAR, { now: () => NOW });
    expect(result.changed).toBe(3);
    expect(await db.outbox.count()).toBe(queued);
  });
});
