import Dexie from 'dexie';
import { SCHEMA_HISTORY, SidecarDatabase, searchKeysFor } from '@/lib/db';
import { poolPage } from '@/lib/db/pool-leads';
import { companyNameKeys } from '@/lib/dedup';
import type { Lead } from '@/lib/schema';
import leadsV1 from '../../fixtures/leads-v1.json';

const V7_LEAD_FIELDS = { otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null, nextFollowUpAt: null };

/**
 * Version 7 as a rep's device holds it: the two fixture leads in the pool (the second scored A), one owned by a
 * teammate and one deleted; more leads than one page of the upgrade, so it reads page after page.
 */
async function seedVersion7(name: string, filler: number) {
  const v7 = new Dexie(name);
  for (const version of [1, 2, 3, 4, 5, 6, 7] as const) v7.version(version).stores(SCHEMA_HISTORY[version]);
  const base = leadsV1.map((lead) => ({ ...lead, ...V7_LEAD_FIELDS, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) }));
  const [first, second] = base as [(typeof base)[number], (typeof base)[number]];
  const rows: Array<Record<string, unknown>> = [
    first,
    { ...second, tier: 'A' },
    { ...second, id: '019a0f3e-5c00-7a00-8000-00000000a0f1', domain: 'owned.example', code: 'LX2026010', ownerId: 'rep-2', tier: 'S' },
    { ...second, id: '019a0f3e-5c00-7a00-8000-00000000a0f2', domain: 'gone.example', code: 'LX2026011', deletedAt: '2026-10-09T08:00:00.000Z', tier: 'S' },
  ];
  for (let i = 0; i < filler; i++) {
    rows.push({ ...second, id: `019a0f3e-5c00-7a00-8000-${String(i).padStart(12, '0')}`, domain: `owned-${i}.example`, code: `LX2026${String(100 + i)}`, ownerId: 'rep-3' });
  }
  await v7.table('leads').bulkAdd(rows);
  v7.close();
  return rows as unknown as Lead[];
}

describe('upgrading the local database to v8 (the team pool’s index)', () => {
  it('gives every live unowned lead its pool key, and no other lead one, queueing nothing for the team', async () => {
    const leads = await seedVersion7('migration-v7-v8', 2_100);
    const db = new SidecarDatabase('migration-v7-v8');
    await db.open();
    expect(db.verno).toBe(8);
    const [first, second, owned, deleted] = await db.leads.bulkGet(leads.slice(0, 4).map((lead) => lead.id));
    expect(first?.poolRank).toMatch(/^5/);
    expect(second?.poolRank).toMatch(/^2/);
    expect(owned?.poolRank).toBeUndefined();
    expect(deleted?.poolRank).toBeUndefined();
    expect(await db.leads.where('poolRank').above('').count()).toBe(2);

    const page = await poolPage(db, { limit: 10 });
    // The scored A lead first, then the unscored one; the other 2,102 leads are not in the pool.
    expect(page.leads.map(({ lead }) => lead.name)).toEqual([leads[1]!.name, leads[0]!.name]);
    expect(page.total).toBe(2);
    // A local key: the upgrade sends nothing to the server.
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
