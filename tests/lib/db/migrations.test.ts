import Dexie from 'dexie';
import { LeadStore, SCHEMA_HISTORY, SidecarDatabase, searchKeysFor } from '@/lib/db';
import { Contact, Lead } from '@/lib/schema';
import leadsV1 from '../../fixtures/leads-v1.json';
import { makeCapture } from '../../helpers/make-capture';

/** Writes the fixture the way version 1 of the extension stored it. */
async function seedVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_HISTORY[1]);
  await v1.table('leads').bulkAdd(leadsV1);
  await v1.table('meta').put({ key: 'leadCodeSequence:2026', value: 2 });
  v1.close();
}

describe('upgrading the local database', () => {
  it('v1 -> v3 keeps every lead, backfills name search and the follow-up field', async () => {
    await seedVersion1('migration-v1-v2');
    const db = new SidecarDatabase('migration-v1-v2');
    await db.open();
    expect(db.verno).toBe(8);

    const rows = await db.leads.toArray();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const { searchKeys, nameKeys: _nameKeys, poolRank: _poolRank, ...lead } = row;
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

/** Writes the fixture the way version 2 stored it: v1 leads with search keys and the follow-up field, and a contact. */
async function seedVersion2(name: string) {
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_HISTORY[1]);
  v2.version(2).stores(SCHEMA_HISTORY[2]);
  await v2.table('leads').bulkAdd(leadsV1.map((lead) => ({ ...lead, nextFollowUpAt: null, searchKeys: searchKeysFor(lead.name, lead.legalName) })));
  await v2.table('contacts').add({
    id: '019a0f3e-5c00-7a00-8000-00000000c001',
    schemaVersion: 1,
    teamId: null,
    ownerId: null,
    createdAt: '2026-10-02T08:00:00.000Z',
    updatedAt: '2026-10-02T08:00:00.000Z',
    deletedAt: null,
    versions: {},
    leadId: leadsV1[0]!.id,
    name: '张经理',
    title: null,
    phones: ['0755-****3388'],
    emails: [],
    preferredChannel: null,
    decisionRole: 'unknown',
    verified: false,
    notes: null,
  });
  await v2.table('meta').put({ key: 'leadCodeSequence:2026', value: 2 });
  v2.close();
}

describe('upgrading the local database to v3 (company identity and enrichment)', () => {
  it('v2 -> v3 keeps every lead and contact and backfills keys, origins and the new fields', async () => {
    await seedVersion2('migration-v2-v3');
    const db = new SidecarDatabase('migration-v2-v3');
    await db.open();
    expect(db.verno).toBe(8);

    const rows = await db.leads.toArray();
    expect(rows).toHaveLength(2);
    for (const { searchKeys: _search, nameKeys: _names, poolRank: _pool, ...lead } of rows) {
      expect(Lead.parse(lead)).toEqual(lead);
      expect(lead).toMatchObject({ otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null });
    }
    expect(rows.find((row) => row.domain === 'tencent.com')?.nameKeys).toEqual(['腾讯计算机系统']);
    const [contact] = await db.contacts.toArray();
    expect(Contact.parse(contact)).toEqual(contact);
    expect(contact!.pageUrls).toEqual([]);
  });

  it('protects values stored before v3 like typed ones, fills their blanks, and finds duplicates by name', async () => {
    await seedVersion2('migration-v3-behaviour');
    const store = new LeadStore(new SidecarDatabase('migration-v3-behaviour'), { now: () => new Date('2026-11-23T10:00:00Z') });
    const capture = makeCapture({ url: 'https://www.fincar.com.au/contact', domain: 'fincar.com.au', name: 'FinCar Australia', phones: ['+61 2 9411 8032'] });
    const lead = await store.saveClip({ ...capture, fields: { ...capture.fields, description: undefined } }, {}, null);
    expect(lead).toMatchObject({ code: 'LX2026002', name: 'FinCar', industry: 'manufacturing', region: 'AU' });
    const preview = await store.previewClip(makeCapture({ url: 'https://www.tencent.cn/', domain: 'tencent.cn', name: '腾讯计算机系统有限公司' }));
    expect(preview.possibleDuplicates.map((d) => d.lead.code)).toEqual(['LX2026001']);
  });
});
