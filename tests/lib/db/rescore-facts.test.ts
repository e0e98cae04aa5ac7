import { v7 as uuidv7 } from 'uuid';
import { LeadTracker } from '@/lib/background';
import { HistoryStore, LeadStore, SidecarDatabase } from '@/lib/db';
import { foldRescoredTiers } from '@/lib/db/fold-rescored-tiers';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { scoreFactsOf } from '@/lib/score/score-facts';
import { logTouch } from '@/lib/db/touch-log';
import { scoreLead } from '@/lib/score';
import { DEFAULT_TEAM_SETTINGS, TeamSettings, type LeadPatch } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-23T11:00:00Z');
/** Thresholds lowered so that a lead scoring 60 (A by default) becomes S, 40 (B) becomes A, 20 (C) becomes B. */
const LOWER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } });
const SCALE_HEAVY = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, weights: { scale: 55, budget: 15, urgency: 15, decisionChain: 15 } });

const FACTS: LeadPatch[] = [
  {},
  { employees: 5000 },
  { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } },
  { employees: 120, decisionTimeline: 'this month' },
  { budget: { min: 50_000, max: 90_000, currency: 'CNY' }, decisionTimeline: '本月' },
];

async function store(name: string) {
  const db = new SidecarDatabase(`${name}-${++counter}`);
  const leads = new LeadStore(db, { now: () => NOW });
  const tracker = new LeadTracker(db, leads, { now: () => NOW });
  const ids: string[] = [];
  for (const [i, facts] of FACTS.entries()) {
    const domain = `company-${i}.com`;
    const lead = await leads.saveClip(makeCapture({ url: `https://www.${domain}/`, domain, name: `Company ${i}` }), facts, null);
    await tracker.afterWrite(lead, [], null);
    ids.push(lead.id);
  }
  return { db, leads, tracker, ids };
}

/** Each lead scored from scratch from its records, as the popup does. */
async function scoredFromScratch(db: SidecarDatabase, leads: LeadStore, ids: string[], settings: TeamSettings, at: Date) {
  return Promise.all(
    ids.map(async (id) => {
      const lead = (await leads.get(id))!;
      const activities = await db.activities.where('leadId').equals(id).toArray();
      return scoreLead({ lead, contacts: await leads.contactsOf(id), activities }, settings, at.toISOString()).tier;
    }),
  );
}

describe('re-scoring from the score facts rows', () => {
  it('gives every lead the tier that scoring it from scratch gives, contacts and follow-ups included', async () => {
    const { db, leads, tracker, ids } = await store('facts-same');
    // A decision maker and an urgent follow-up on lead 1, saved as the background saves them.
    const lead = (await leads.get(ids[1]!))!;
    await db.contacts.add({ ...(await contactFor(lead.id)), decisionRole: 'decision_maker' });
    await logTouch(db, { leadId: lead.id, channel: 'phone', summary: '客户希望尽快上线', nextFollowUpAt: null }, { ownerId: null, now: NOW });
    await tracker.afterWrite(lead, await leads.contactsOf(lead.id), null);

    for (const settings of [LOWER_BAR, SCALE_HEAVY, DEFAULT_TEAM_SETTINGS]) {
      await rescoreLeads(db, settings, { now: () => LATER, pageSize: 2 });
      const expected = await scoredFromScratch(db, leads, ids, settings, LATER);
      expect((await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier)).toEqual(expected);
      const states = await Promise.all(ids.map((id) => new HistoryStore(db).tierState(id)));
      expect(states.map((s) => s.scored?.tier)).toEqual(expected);
    }
    expect(new Set(await scoredFromScratch(db, leads, ids, LOWER_BAR, LATER)).size).toBeGreaterThan(2);
  });

  it('a contact written without the tracker marks the facts stale, and the re-score takes them again from the records', async () => {
    const { db, leads, ids } = await store('facts-stale');
    const id = ids[2]!;
    expect((await db.scoreInputs.get(id))?.facts).toEqual(scoreFactsOf((await leads.get(id))!, [], []));
    // The saves marked their leads; the tracker took the facts after, so the marks are spent.
    const marks = await db.staleFacts.count();

    // As a record the team server sent would arrive: no LeadTracker.afterWrite.
    await db.contacts.add({ ...(await contactFor(id)), decisionRole: 'decision_maker' });
    expect((await db.staleFacts.toArray()).slice(marks).flatMap((mark) => mark.leadIds)).toEqual([id]);

    await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    const expected = await scoredFromScratch(db, leads, ids, LOWER_BAR, LATER);
    expect((await leads.get(id))?.tier).toBe(expected[2]);
    expect(expected[2]).toBe('S');
    // Taken again once, the facts are kept for the next run, with the new contact's role.
    expect((await db.scoreInputs.get(id))?.facts?.roles).toEqual(['decision_maker']);
    expect(await db.staleFacts.count()).toBe(0);
  });

  it('a lead stored without the tracker (an import, a sync pull) is found and scored', async () => {
    const { db, leads, ids } = await store('facts-import');
    const imported = { ...(await leads.get(ids[2]!))!, id: uuidv7(), domain: 'imported.example', code: 'LX2026099', tier: null };
    await leads.importLeads([imported]);
    expect(await db.scoreInputs.get(imported.id)).toBeUndefined();
    const result = await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    expect(result).toMatchObject({ done: 6, total: 6 });
    expect((await leads.get(imported.id))?.tier).toBe('S');
  });

  it('the tracker keeps the facts in step with a follow-up and a contact edit', async () => {
    const { db, leads, tracker, ids } = await store('facts-tracker');
    const id = ids[0]!;
    await logTouch(db, { leadId: id, channel: 'email', summary: 'They need it this month', nextFollowUpAt: null }, { ownerId: null, now: NOW });
    const contact = await contactFor(id);
    await db.contacts.add({ ...contact, decisionRole: 'influencer' });
    await tracker.afterWrite((await leads.get(id))!, await leads.contactsOf(id), null);
    let facts = (await db.scoreInputs.get(id))?.facts;
    expect(facts?.roles).toEqual(['influencer']);
    expect(facts?.said.map((s) => s.text)).toEqual(['They need it this month']);

    await db.contacts.put({ ...contact, decisionRole: 'decision_maker', deletedAt: null });
    await tracker.afterWrite((await leads.get(id))!, await leads.contactsOf(id), null);
    facts = (await db.scoreInputs.get(id))?.facts;
    expect(facts?.roles).toEqual(['decision_maker']);
  });

  it('a deleted lead is counted and skipped', async () => {
    const { db, leads, ids } = await store('facts-deleted');
    const row = (await db.leads.get(ids[2]!))!;
    await db.leads.put({ ...row, deletedAt: NOW.toISOString() });
    const result = await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    expect(await db.scoreInputs.get(ids[2]!)).toMatchObject({ leadId: ids[2], facts: null, deleted: true });
    expect(result).toMatchObject({ done: 5, total: 5 });
    expect((await db.tierBatches.toArray()).flatMap((b) => b.leadIds)).not.toContain(ids[2]);
    expect(await leads.get(ids[2]!)).toBeUndefined();
  });
});

describe('folding a re-score into the lead rows', () => {
  it('writes the moved tiers, tier states and history into the per-lead rows, and nothing is left pending', async () => {
    const { db, leads, ids } = await store('fold');
    const before = (await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier);
    await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    const shown = (await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier);
    const history = await Promise.all(ids.map((id) => new HistoryStore(db).events(id)));
    expect(shown).not.toEqual(before);
    // Before the fold, the rows themselves still hold the old tiers: reads see the re-score all the same.
    expect(await Promise.all(ids.map((id) => storedTier(db, id)))).toEqual(before);

    const queued = await db.outbox.count();
    const folded = await foldRescoredTiers(db, { now: () => LATER, chunkSize: 2 });
    expect(folded.leadRows).toBe(shown.filter((tier, i) => tier !== before[i]).length);
    expect(await db.tierBatches.count()).toBe(0);
    expect(db.tierOverlay.pendingLeads).toBe(0);
    expect((await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier)).toEqual(shown);
    expect(await Promise.all(ids.map((id) => storedTier(db, id)))).toEqual(shown);
    expect(await Promise.all(ids.map((id) => new HistoryStore(db).events(id)))).toEqual(history);
    const states = await db.tierStates.bulkGet(ids);
    expect(states.map((s) => s?.scored?.tier)).toEqual(shown);
    // Derived: not sent to the team server, and the facts stay as they are.
    expect(await db.outbox.count()).toBe(queued);
    expect(await db.staleFacts.count()).toBe(0);
  });

  it('a worker that stopped before the fold still shows the re-scored tiers, and folds them when it resumes', async () => {
    const { db, ids } = await store('fold-restart');
    await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    const shown = (await Promise.all(ids.map((id) => db.leads.get(id)))).map((l) => l?.tier);
    db.close();

    const reopened = new SidecarDatabase(db.name);
    const leads = new LeadStore(reopened, { now: () => LATER });
    expect((await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier)).toEqual(shown);
    await foldRescoredTiers(reopened, { now: () => LATER });
    expect((await Promise.all(ids.map((id) => leads.get(id)))).map((l) => l?.tier)).toEqual(shown);
    expect(reopened.tierOverlay.pendingLeads).toBe(0);
  });

  it('a rep’s edit between the re-score and the fold is kept, and so is the tier it was saved with', async () => {
    const { db, leads, ids } = await store('fold-edit');
    await rescoreLeads(db, LOWER_BAR, { now: () => LATER });
    const id = ids[0]!;
    // The team's new settings are what the tracker scores with from now on.
    const rescoring = new LeadTracker(db, leads, { now: () => LATER, teamSettings: async () => LOWER_BAR });
    const edited = await leads.update(id, { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } });
    const saved = await rescoring.afterWrite(edited!, [], null);
    expect(saved.tier).toBe('S');
    await foldRescoredTiers(db, { now: () => LATER });
    expect(await leads.get(id)).toMatchObject({ tier: 'S', employees: 5000 });
    expect((await new HistoryStore(db).tierState(id)).scored?.tier).toBe('S');
  });
});

/** The tier on the stored row itself, read past Dexie. */
function storedTier(db: SidecarDatabase, id: string): Promise<string | null | undefined> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction('leads').objectStore('leads').get(id);
    request.onsuccess = () => resolve(request.result?.tier);
    request.onerror = () => reject(request.error);
  });
}

async function contactFor(leadId: string) {
  return {
    id: uuidv7(),
    schemaVersion: 1 as const,
    teamId: null,
    ownerId: null,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    deletedAt: null,
    versions: {},
    leadId,
    name: 'Wang Lei',
    title: null,
    phones: [],
    emails: [],
    preferredChannel: null,
    decisionRole: 'unknown' as const,
    verified: false,
    notes: null,
    pageUrls: [],
  };
}
