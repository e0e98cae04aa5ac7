import Dexie from 'dexie';
import { SCHEMA_HISTORY, SidecarDatabase, searchKeysFor } from '@/lib/db';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { companyNameKeys } from '@/lib/dedup';
import { DEFAULT_TEAM_SETTINGS, type Lead } from '@/lib/schema';
import { scoreLead } from '@/lib/score';
import { scoreFactsOf } from '@/lib/score/score-facts';
import leadsV1 from '../../fixtures/leads-v1.json';
import { NOW, makeActivity, makeContact } from '../score/records';

const V5_LEAD_FIELDS = { otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null, nextFollowUpAt: null };

/** Version 5 as a rep's device holds it: leads (one with facts, one deleted), a contact and a follow-up. */
async function seedVersion5(name: string) {
  const v5 = new Dexie(name);
  for (const version of [1, 2, 3, 4, 5] as const) v5.version(version).stores(SCHEMA_HISTORY[version]);
  const rows = leadsV1.map((lead) => ({ ...lead, ...V5_LEAD_FIELDS, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) }));
  rows[0] = { ...rows[0]!, employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' }, decisionTimeline: 'this month' } as unknown as (typeof rows)[number];
  rows.push({ ...rows[1]!, id: '019a0f3e-5c00-7a00-8000-00000000a0ff', domain: 'gone.example', code: 'LX2026009', deletedAt: '2026-10-09T08:00:00.000Z' } as unknown as (typeof rows)[number]);
  const leads = rows as unknown as Lead[];
  const contact = makeContact(leads[0]!, 'Wang Lei', 'decision_maker');
  const activity = makeActivity(leads[0]!, NOW, '客户希望尽快上线');
  await v5.table('leads').bulkAdd(rows);
  await v5.table('contacts').add(contact);
  await v5.table('activities').add(activity);
  v5.close();
  return { leads, contact, activity };
}

describe('upgrading the local database to v6 (re-scoring from score facts)', () => {
  it('v5 -> v6 takes every lead’s score facts from its records, marks the deleted one, and keeps the records', async () => {
    const { leads, contact, activity } = await seedVersion5('migration-v5-v6');
    const db = new SidecarDatabase('migration-v5-v6');
    await db.open();
    expect(db.verno).toBe(8);

    const rows = await db.scoreInputs.toArray();
    expect(rows).toHaveLength(leads.length);
    const byId = new Map(rows.map((row) => [row.leadId, row]));
    expect(byId.get(leads[0]!.id)?.facts).toEqual(scoreFactsOf(leads[0]!, [contact], [activity]));
    expect(byId.get(leads[1]!.id)?.facts).toEqual(scoreFactsOf(leads[1]!, [], []));
    expect(byId.get(leads[2]!.id)).toMatchObject({ leadId: leads[2]!.id, facts: null, deleted: true });
    expect(await db.tierBatches.count()).toBe(0);
    expect(await db.staleFacts.count()).toBe(0);
    expect(await db.contacts.toArray()).toEqual([contact]);
    expect(await db.activities.toArray()).toEqual([activity]);
    expect(await db.leads.count()).toBe(leads.length);
    db.close();
  });

  it('the first re-score after the upgrade scores from the facts alone, as scoring the records would', async () => {
    const { leads, contact, activity } = await seedVersion5('migration-v6-rescore');
    const db = new SidecarDatabase('migration-v6-rescore');
    const result = await rescoreLeads(db, DEFAULT_TEAM_SETTINGS, { now: () => new Date(NOW) });
    expect(result).toMatchObject({ done: leads.length, total: leads.length });
    const expected = scoreLead({ lead: leads[0]!, contacts: [contact], activities: [activity] }, DEFAULT_TEAM_SETTINGS, NOW);
    expect((await db.leads.get(leads[0]!.id))?.tier).toBe(expected.tier);
    expect(await db.tierStates.count()).toBe(0);
    expect(db.tierOverlay.scoredOf(leads[0]!.id)).toMatchObject({ tier: expected.tier, total: expected.total });
    db.close();
  });
});
