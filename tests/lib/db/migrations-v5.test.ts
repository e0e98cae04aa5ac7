import Dexie from 'dexie';
import { SCHEMA_HISTORY, SidecarDatabase, searchKeysFor } from '@/lib/db';
import { companyNameKeys } from '@/lib/dedup';
import { Lead } from '@/lib/schema';
import leadsV1 from '../../fixtures/leads-v1.json';

const V4_LEAD_FIELDS = { otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null, nextFollowUpAt: null };

const v4Task = {
  id: '019a0f3e-5c00-7a00-8000-00000000f001',
  schemaVersion: 1,
  teamId: null,
  ownerId: null,
  createdAt: '2026-10-04T08:00:00.000Z',
  updatedAt: '2026-10-04T08:00:00.000Z',
  deletedAt: null,
  versions: { title: '1759564800000-0000-aaaa' },
  leadId: leadsV1[1]!.id,
  title: 'Call FinCar about the fleet',
  dueAt: '2026-10-05T08:00:00.000Z',
  remindAt: null,
  assigneeId: null,
  priority: 'important',
  status: 'open',
  activityId: null,
  kind: null,
  notifiedAt: null,
};

async function seedVersion4(name: string) {
  const v4 = new Dexie(name);
  for (const version of [1, 2, 3, 4] as const) v4.version(version).stores(SCHEMA_HISTORY[version]);
  const rows = leadsV1.map((lead) => ({ ...lead, ...V4_LEAD_FIELDS, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) }));
  await v4.table('leads').bulkAdd(rows);
  await v4.table('tasks').add(v4Task);
  v4.close();
  return rows;
}

describe('upgrading the local database to v5 (team sync)', () => {
  it('v4 -> v5 keeps every record and queues each for the first sync, leads first, without local index keys', async () => {
    const rows = await seedVersion4('migration-v4-v5');
    const db = new SidecarDatabase('migration-v4-v5');
    await db.open();
    expect(db.verno).toBe(8);
    // As they were, but for the team pool's key that v8 adds (migrations-v8.test.ts).
    expect((await db.leads.toArray()).map(({ poolRank: _p, ...row }) => row)).toEqual(rows);
    expect(await db.tasks.toArray()).toEqual([v4Task]);

    const outbox = await db.outbox.toArray();
    expect(outbox.map((row) => [row.mutation.table, row.mutation.op])).toEqual([...rows.map(() => ['leads', 'put']), ['tasks', 'put']]);
    const ids = outbox.map((row) => row.mutationId!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const [i, row] of rows.entries()) {
      const { searchKeys: _s, nameKeys: _n, ...lead } = row;
      const mutation = outbox[i]!.mutation;
      expect(mutation.op === 'put' && mutation.record).toEqual(lead);
      expect(Lead.parse(lead)).toEqual(lead);
    }
    expect(await db.syncMeta.count()).toBe(0);
    db.close();
  });

  it('a fresh database starts with an empty outbox, and writes after the upgrade are queued once each', async () => {
    const db = new SidecarDatabase('migration-fresh-v5');
    await db.open();
    expect(await db.outbox.count()).toBe(0);
    await db.tasks.put({ ...v4Task, id: '019a0f3e-5c00-7a00-8000-00000000f002' } as never);
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });
});
