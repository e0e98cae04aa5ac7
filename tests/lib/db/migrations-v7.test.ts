import Dexie from 'dexie';
import { SCHEMA_HISTORY, SidecarDatabase, searchKeysFor, type LeadHistoryRow, type TierStateRow } from '@/lib/db';
import { companyNameKeys } from '@/lib/dedup';
import { Lead, overrideInForce } from '@/lib/schema';
import { mergeLeadCopies } from '@/lib/leads';
import leadsV1 from '../../fixtures/leads-v1.json';

const V6_LEAD_FIELDS = { otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null, nextFollowUpAt: null };
const OVERRIDE = { tier: 'S' as const, reason: '上市公司，重点跟进', by: 'Manager Zhang', at: '2026-11-05T02:00:00.000Z' };
const HISTORY_ENTRY = { at: OVERRIDE.at, cause: 'override' as const, from: 'C' as const, to: 'S' as const, scoredTier: 'C' as const, total: 20, by: OVERRIDE.by, reason: OVERRIDE.reason };

/**
 * Version 6 as a manager's device holds it: an override in force on the first lead (its tier state and history
 * row), a lifted one on the second (a tier state without override), and a deleted lead whose state still has one.
 */
async function seedVersion6(name: string) {
  const v6 = new Dexie(name);
  for (const version of [1, 2, 3, 4, 5, 6] as const) v6.version(version).stores(SCHEMA_HISTORY[version]);
  const rows = leadsV1.map((lead) => ({ ...lead, ...V6_LEAD_FIELDS, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) }));
  rows[0] = { ...rows[0]!, tier: 'S' } as unknown as (typeof rows)[number];
  rows.push({ ...rows[1]!, id: '019a0f3e-5c00-7a00-8000-00000000a0ff', domain: 'gone.example', code: 'LX2026009', deletedAt: '2026-10-09T08:00:00.000Z' } as unknown as (typeof rows)[number]);
  const leads = rows as unknown as Lead[];
  const scored = { tier: 'C' as const, total: 20, at: '2026-11-01T02:00:00.000Z' };
  const states: TierStateRow[] = [
    { leadId: leads[0]!.id, scored, override: OVERRIDE },
    { leadId: leads[1]!.id, scored, override: null },
    { leadId: leads[2]!.id, scored, override: { ...OVERRIDE, tier: 'A' } },
  ];
  const history: LeadHistoryRow = { id: '019a5a00-0000-7000-8000-000000000001', leadId: leads[0]!.id, kind: 'tier', at: OVERRIDE.at, entry: HISTORY_ENTRY };
  await v6.table('leads').bulkAdd(rows);
  await v6.table('tierStates').bulkAdd(states);
  await v6.table('leadHistory').add(history);
  await v6.table('meta').put({ key: 'clock', value: { millis: 1_763_000_000_000, counter: 3, node: 'device0123456789' } });
  v6.close();
  return { leads, history };
}

describe('upgrading the local database to v7 (tier overrides synced on the lead)', () => {
  it('moves each override in force onto its lead, stamped when it was made, and queues it for the team', async () => {
    const { leads, history } = await seedVersion6('migration-v6-v7');
    const db = new SidecarDatabase('migration-v6-v7');
    await db.open();
    expect(db.verno).toBe(8);

    const [overridden, lifted, deleted] = await db.leads.bulkGet(leads.map((lead) => lead.id));
    expect(overridden?.tierOverride).toEqual(OVERRIDE);
    expect(overridden?.versions.tierOverride).toBe(`${String(Date.parse(OVERRIDE.at)).padStart(13, '0')}-0000-device0123456789`);
    expect(overridden?.tier).toBe('S');
    expect(Lead.safeParse(overridden && { ...overridden, searchKeys: undefined, nameKeys: undefined }).success).toBe(true);
    expect(lifted?.tierOverride).toBeUndefined();
    expect(deleted?.tierOverride).toBeUndefined();

    // Only the moved override goes to the server, as a patch of that one field.
    const outbox = await db.outbox.toArray();
    expect(outbox.map((row) => row.mutation)).toEqual([
      expect.objectContaining({ op: 'patch', table: 'leads', id: leads[0]!.id, fields: { tierOverride: OVERRIDE }, versions: { tierOverride: overridden?.versions.tierOverride } }),
    ]);
    // The tier state and history are as they were: nothing is recorded twice.
    expect((await db.tierStates.get(leads[0]!.id))?.override).toEqual(OVERRIDE);
    expect(await db.leadHistory.toArray()).toEqual([history]);
    db.close();
  });

  it('a teammate’s later override of the same lead wins the merge over the moved one', async () => {
    const { leads } = await seedVersion6('migration-v7-merge');
    const db = new SidecarDatabase('migration-v7-merge');
    const { searchKeys: _s, nameKeys: _n, ...mine } = (await db.leads.get(leads[0]!.id))!;
    const later = { tier: 'B' as const, reason: 'Budget frozen', by: 'Admin Wu', at: '2026-11-20T02:00:00.000Z' };
    const theirs: Lead = { ...mine, tierOverride: later, versions: { ...mine.versions, tierOverride: `${Date.parse(later.at)}-0000-otherdevice` } };
    expect(overrideInForce(mergeLeadCopies(mine, theirs))).toEqual(later);
    expect(overrideInForce(mergeLeadCopies(theirs, mine))).toEqual(later);
    db.close();
  });
});
