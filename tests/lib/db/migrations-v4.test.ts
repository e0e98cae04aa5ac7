import Dexie from 'dexie';
import { HistoryStore, SCHEMA_HISTORY, SidecarDatabase, TaskStore, searchKeysFor } from '@/lib/db';
import { companyNameKeys } from '@/lib/dedup';
import { Lead, Task } from '@/lib/schema';
import leadsV1 from '../../fixtures/leads-v1.json';

const V3_LEAD_FIELDS = { otherDomains: [], creditCode: null, sizeBand: null, registeredCapital: null, origins: {}, mergedInto: null, nextFollowUpAt: null };

/** A task as versions 1-3 stored it: no kind, no reminder bookkeeping. */
const v3Task = {
  id: '019a0f3e-5c00-7a00-8000-00000000f001',
  schemaVersion: 1,
  teamId: null,
  ownerId: null,
  createdAt: '2026-10-04T08:00:00.000Z',
  updatedAt: '2026-10-04T08:00:00.000Z',
  deletedAt: null,
  versions: {},
  leadId: leadsV1[1]!.id,
  title: 'Call FinCar about the fleet',
  dueAt: '2026-10-05T08:00:00.000Z',
  remindAt: '2026-10-05T07:30:00.000Z',
  assigneeId: null,
  priority: 'important',
  status: 'open',
  activityId: null,
};

/** Writes the fixture the way version 3 stored it: v3 leads (one deleted), and a task. */
async function seedVersion3(name: string) {
  const v3 = new Dexie(name);
  v3.version(1).stores(SCHEMA_HISTORY[1]);
  v3.version(2).stores(SCHEMA_HISTORY[2]);
  v3.version(3).stores(SCHEMA_HISTORY[3]);
  const rows = leadsV1.map((lead) => ({ ...lead, ...V3_LEAD_FIELDS, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) }));
  await v3.table('leads').bulkAdd([...rows, { ...rows[0]!, id: '019a0f3e-5c00-7a00-8000-00000000a0ff', domain: 'gone.example', code: 'LX2026009', deletedAt: '2026-10-09T08:00:00.000Z' }]);
  await v3.table('tasks').add(v3Task);
  v3.close();
}

describe('upgrading the local database to v4 (the playbook: tasks, reminders, tier and stage history)', () => {
  it('v3 -> v4 keeps every lead and task, and gives tasks a kind and reminder bookkeeping', async () => {
    await seedVersion3('migration-v3-v4');
    const db = new SidecarDatabase('migration-v3-v4');
    await db.open();
    expect(db.verno).toBe(8);

    const leads = await db.leads.toArray();
    expect(leads).toHaveLength(3);
    for (const { searchKeys: _s, nameKeys: _n, poolRank: _p, ...lead } of leads) expect(Lead.parse(lead)).toEqual(lead);
    const [task] = await db.tasks.toArray();
    expect(Task.parse(task)).toEqual(task);
    expect(task).toMatchObject({ title: 'Call FinCar about the fleet', kind: null, notifiedAt: null });
    // The pending reminder of the old task is found through the new index.
    expect(await new TaskStore(db).nextReminderAt()).toBe('2026-10-05T07:30:00.000Z');
  });

  it('starts each live lead’s stage history with its current stage, dated by its last update', async () => {
    await seedVersion3('migration-v4-stages');
    const db = new SidecarDatabase('migration-v4-stages');
    const history = new HistoryStore(db);
    expect(await history.stageHistory(leadsV1[0]!.id)).toEqual([{ from: null, to: 'initial_contact', at: '2026-10-02T08:00:00.000Z', by: null }]);
    expect(await history.stageHistory(leadsV1[1]!.id)).toHaveLength(1);
    expect(await history.stageHistory('019a0f3e-5c00-7a00-8000-00000000a0ff')).toEqual([]);
    // No score was stored before v4: the tier history starts with the next save.
    expect(await history.tierState(leadsV1[0]!.id)).toEqual({ scored: null, override: null, history: [] });
  });
});
