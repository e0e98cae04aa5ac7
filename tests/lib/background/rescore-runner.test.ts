import { LeadTracker, RescoreRunner } from '@/lib/background';
import { LeadStore, SidecarDatabase, logTouch } from '@/lib/db';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const A_FACTS = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' as const } };
const LOWER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } });
const HIGHER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 95, A: 90, B: 59 } });

async function stored(count: number) {
  const db = new SidecarDatabase(`rescore-runner-${++counter}`);
  const leads = new LeadStore(db, { now: () => NOW });
  const tracker = new LeadTracker(db, leads, { now: () => NOW });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const domain = `company-${i}.com`;
    const lead = await leads.saveClip(makeCapture({ url: `https://www.${domain}/`, domain, name: `Company ${i}` }), A_FACTS, null);
    await tracker.afterWrite(lead, [], null);
    ids.push(lead.id);
  }
  return { db, leads, ids };
}

/** The tier on the stored row itself, read past Dexie (and its view of re-scores not yet folded). */
function storedTier(db: SidecarDatabase, id: string): Promise<string | null | undefined> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction('leads').objectStore('leads').get(id);
    request.onsuccess = () => resolve(request.result?.tier);
    request.onerror = () => reject(request.error);
  });
}

describe('the background re-score runner', () => {
  it('after a run, folds the new tiers into the lead rows', async () => {
    const { db, ids } = await stored(3);
    await new RescoreRunner(db, () => NOW).start(LOWER_BAR);
    expect(await Promise.all(ids.map((id) => storedTier(db, id)))).toEqual(['S', 'S', 'S']);
    expect(await db.tierBatches.count()).toBe(0);
  });

  it('a worker that stopped after the run but before the fold folds when it starts again', async () => {
    const { db, ids } = await stored(3);
    await rescoreLeads(db, LOWER_BAR, { now: () => NOW });
    expect(await Promise.all(ids.map((id) => storedTier(db, id)))).toEqual(['A', 'A', 'A']);
    db.close();

    const restarted = new SidecarDatabase(db.name);
    await new RescoreRunner(restarted, () => NOW).resume(async () => LOWER_BAR);
    expect(await Promise.all(ids.map((id) => storedTier(restarted, id)))).toEqual(['S', 'S', 'S']);
    expect(await restarted.tierBatches.count()).toBe(0);
  });

  it('newer settings during a fold win: the leads end with the tiers of the last settings', async () => {
    const { db, leads, ids } = await stored(3);
    await rescoreLeads(db, LOWER_BAR, { now: () => NOW });
    const runner = new RescoreRunner(db, () => NOW);
    const resumed = runner.resume(async () => LOWER_BAR);
    const restarted = runner.start(HIGHER_BAR);
    await Promise.all([resumed, restarted]);
    expect((await Promise.all(ids.map((id) => leads.get(id)))).map((lead) => lead?.tier)).toEqual(['B', 'B', 'B']);
    expect(await Promise.all(ids.map((id) => storedTier(db, id)))).toEqual(['B', 'B', 'B']);
    expect(await db.tierBatches.count()).toBe(0);
  });

  it('a lead the run moves from A to S gets the daily cadence of S for its next follow-up', async () => {
    const { db, leads, ids } = await stored(1);
    const id = ids[0]!;
    const tracker = new LeadTracker(db, leads, { now: () => NOW });
    await logTouch(db, { leadId: id, channel: 'phone', summary: 'First call', nextFollowUpAt: null }, { ownerId: null, now: NOW });
    const touched = await tracker.afterWrite((await leads.get(id))!, [], null);
    expect(touched).toMatchObject({ tier: 'A', nextFollowUpAt: '2026-11-25T10:00:00.000Z' });
    await new RescoreRunner(db, () => NOW).start(LOWER_BAR);
    expect(await leads.get(id)).toMatchObject({ tier: 'S', nextFollowUpAt: '2026-11-24T10:00:00.000Z' });
  });
});
