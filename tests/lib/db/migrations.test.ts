import Dexie from 'dexie';
import { LeadStore, SCHEMA_HISTORY, SidecarDatabase } from '@/lib/db';
import { Lead } from '@/lib/schema';
import leadsV1 from '../../fixtures/leads-v1.json';

/** Writes the fixture the way version 1 of the extension stored it. */
async function seedVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_HISTORY[1]);
  await v1.table('leads').bulkAdd(leadsV1);
  await v1.table('meta').put({ key: 'leadCodeSequence:2026', value: 2 });
  v1.close();
}

describe('upgrading the local database', () => {
  it('v1 -> v2 keeps every lead, backfills name search and the follow-up field', async () => {
    await seedVersion1('migration-v1-v2');
    const db = new SidecarDatabase('migration-v1-v2');
    await db.open();
    expect(db.verno).toBe(2);

    const rows = await db.leads.toArray();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const { searchKeys, ...lead } = row;
      expect(searchKeys.length).toBeGreaterThan(0);
      expect(Lead.parse(lead)).toEqual(lead);
      expect(lead.nextFollowUpAt).toBeNull();
    }

    const store = new LeadStore(db);
    expect((await store.search('腾讯', 5)).map((lead) => lead.code)).toEqual(['LX2026001']);
    expect((await store.search('fin', 5)).map((lead) => lead.code)).toEqual(['LX2026002']);
    expect((await store.findByDomain('fincar.com.au'))?.legalName).toBe('FinCar Pty Ltd');
  });

  it('continues the lead code sequence after the upgrade', async () => {
    await seedVersion1('migration-sequence');
    const store = new LeadStore(new SidecarDatabase('migration-sequence'), { now: () => new Date('2026-11-23T10:00:00Z') });
    const { makeCapture } = await import('../../helpers/make-capture');
    expect((await store.saveClip(makeCapture(), {}, null)).code).toBe('LX2026003');
  });
});
