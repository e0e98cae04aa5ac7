import { expect, it } from 'vitest';
import { toRow } from '@/lib/db';
import { LeadStoreError } from '@/lib/db';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness } from '../../server/harness';
import { pullAll } from '../../server/sync-calls';
import { DexieSyncStore } from '@/lib/db/dexie-sync-store';
import { SyncEngine, type SyncStore } from '@/lib/sync';
import { DexieDevice } from './dexie-sync-store-device';
import { PageCapture } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';
import { makeLead, stamper } from '../../server/records';

describeEachBackend('the extension database syncing with the team server', (backend) => {
  const database = useMigratedDatabase(backend);

  async function twoReps() {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep', 'rep']);
    return { h, alice: new DexieDevice(h, users[1]!, 'alice'), bob: new DexieDevice(h, users[2]!, 'bob') };
  }

  it('every save through the stores is queued with its change, and local index keys never leave the device', async () => {
    const { alice } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.leads.update(lead.id, { needDescription: 'Faster quotes' });
    const queued = await alice.db.outbox.toArray();
    expect(queued.map((row) => row.mutation.op)).toEqual(['put', 'patch']);
    expect(queued[0]!.mutation).toMatchObject({ table: 'leads', record: { id: lead.id, name: 'Acme Robotics' } });
    expect(queued[0]!.mutation.op === 'put' && Object.keys(queued[0]!.mutation.record)).not.toContain('searchKeys');
    expect(queued[1]!.mutation).toMatchObject({ op: 'patch', id: lead.id, fields: { needDescription: 'Faster quotes' } });
    expect(Object.keys(queued[1]!.mutation.op === 'patch' ? queued[1]!.mutation.fields : {})).toEqual(['needDescription']);
  });

  it('a write that fails queues nothing', async () => {
    const { alice } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    const before = await alice.pending();
    await expect(alice.leads.mergeLeads(lead.id, lead.id)).rejects.toBeInstanceOf(LeadStoreError);
    await expect(
      alice.db.transaction('rw', alice.db.leads, async () => {
        await alice.db.leads.put(toRow({ ...lead, name: 'Renamed', versions: { ...lead.versions, name: '9999999999999-0000-zzzz' } }));
        throw new Error('the save stopped half way');
      }),
    ).rejects.toThrow('half way');
    expect(await alice.pending()).toBe(before);
    expect((await alice.leads.get(lead.id))!.name).toBe('Acme Robotics');
  });

  it('a record the database refuses in a bulk add is not queued, and the ones it took are', async () => {
    const { alice } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    const before = await alice.pending();
    const newcomer = { ...lead, id: '019a0000-0000-7000-8000-00000000beef', domain: 'bolt-works.com', name: 'Bolt Works' };
    const twin = { ...lead, id: '019a0000-0000-7000-8000-00000000cafe', name: 'Acme twin' };
    // The twin claims Acme's domain: the unique index refuses it, the newcomer is stored.
    await expect(alice.db.leads.bulkAdd([toRow(newcomer), toRow(twin)])).rejects.toThrow();
    expect(await alice.db.leads.get(newcomer.id)).toBeDefined();
    expect(await alice.db.leads.get(twin.id)).toBeUndefined();
    const queued = (await alice.db.outbox.toArray()).slice(before);
    expect(queued.map((row) => row.mutation.op === 'put' && row.mutation.record.id)).toEqual([newcomer.id]);
  });

  it("clipping a company's second page queues only the fields it changed", async () => {
    const { alice } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    const before = await alice.pending();
    const page = PageCapture.parse(makeCapture({ url: 'https://www.acme-robotics.com/contact', domain: null, name: 'Acme Robotics', emails: ['sales@acme-robotics.com'], phones: [] }));
    const contact = await alice.leads.saveClip(page, {}, null);
    expect(contact.id).toBe(lead.id);
    const queued = (await alice.db.outbox.toArray()).slice(before);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.mutation).toMatchObject({ op: 'patch', id: lead.id, fields: { emails: ['sales@acme-robotics.com'] } });
    expect(Object.keys(queued[0]!.mutation.op === 'patch' ? queued[0]!.mutation.fields : {})).not.toContain('name');
  });

  it('a lead clipped on one device reaches the other, searchable there, and is not sent back', async () => {
    const { alice, bob, h } = await twoReps();
    const lead = await alice.clip('https://www.huarui.cn/', '深圳市华瑞电子科技有限公司');
    await alice.tasks.add({ leadId: lead.id, title: 'Call back', dueAt: '2026-11-03T09:00:00.000Z', remindAt: null, assigneeId: null, priority: 'important', status: 'open', activityId: null }, alice.user.id);
    expect(await alice.engine.sync()).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await alice.pending()).toBe(0);
    expect(await bob.engine.sync()).toMatchObject({ pushed: 0, pulled: 2 });
    expect(await bob.pending()).toBe(0);
    expect((await bob.leads.search('华瑞', 10)).map((l) => l.id)).toEqual([lead.id]);
    expect(await bob.leads.findForUrl('https://huarui.cn/contact')).toMatchObject({ id: lead.id });
    expect((await bob.tasks.openForLead(lead.id)).map((t) => t.title)).toEqual(['Call back']);
    expect(await bob.liveLeads()).toEqual(await alice.liveLeads());
    expect((await alice.records('leads'))[0]).toEqual((await pullAll(h, alice.user)).records.get(lead.id));
  });

  it('an import reaches the other device whole, and is queued by reference, not as a second copy of every lead', async () => {
    const { alice, bob } = await twoReps();
    const stamp = stamper('a1b2c3d4e5f60718');
    const imported = Array.from({ length: 60 }, (_, i) => makeLead(stamp(), { name: `Imported ${i}`, domain: `imported-${i}.com`, code: `LX2025${String(i + 1).padStart(3, '0')}` }));
    await alice.leads.importLeads(imported);
    const queued = await alice.db.outbox.toArray();
    expect(queued).toHaveLength(60);
    expect(queued.every(({ mutation }) => mutation.op === 'putStored' && !('record' in mutation))).toBe(true);
    // Edited after the import and before the push: the edit goes too, and nothing is lost or doubled.
    await alice.leads.update(imported[7]!.id, { needDescription: 'Asked for a quote' });
    expect(await alice.engine.sync()).toMatchObject({ pushed: 61, rejected: 0 });
    expect(await alice.pending()).toBe(0);
    await bob.engine.sync();
    expect((await bob.liveLeads()).length).toBe(60);
    expect(await bob.liveLeads()).toEqual(await alice.liveLeads());
    expect((await bob.leads.get(imported[7]!.id))?.needDescription).toBe('Asked for a quote');
  });

  it('the first sync after a large import reads each queued lead about once, and leads gone since do not hold it up', async () => {
    const { alice, bob } = await twoReps();
    const stamp = stamper('a1b2c3d4e5f60719');
    const imported = Array.from({ length: 300 }, (_, i) => makeLead(stamp(), { name: `Bulk ${i}`, domain: `bulk-${i}.com`, code: `LX2024${String(i + 1).padStart(3, '0')}` }));
    await alice.leads.importLeads(imported);
    // Gone from the device before the push (hard deletes are never made on synced tables; a test can).
    const gone = imported.slice(0, 10).map((lead) => lead.id);
    await alice.db.transaction('rw', alice.db.leads, () => alice.db.leads.bulkDelete(gone));
    let read = 0;
    const counted: SyncStore = {
      transaction: (work) =>
        alice.store.transaction((tx) =>
          work({
            ...tx,
            async pendingMutations(limit) {
              const entries = await tx.pendingMutations(limit);
              read += entries.length;
              return entries;
            },
          }),
        ),
    };
    const engine = new SyncEngine({ store: counted, transport: alice.transport, now: () => new Date(Date.UTC(2026, 10, 2, 9)), batchSize: 7, random: () => 0.5 });
    expect(await engine.sync()).toMatchObject({ pushed: 290, rejected: 0 });
    // Each batch of 7 once, and one look past it: reading the whole outbox per batch was 290 x 42 / 2.
    expect(read).toBeLessThan(2 * 290);
    await bob.engine.sync();
    expect((await bob.liveLeads()).map((lead) => lead.id).sort()).toEqual(imported.slice(10).map((lead) => lead.id).sort());
  });

  it('offline edits of different fields on two devices both survive on both', async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.engine.sync();
    await bob.engine.sync();
    await alice.leads.update(lead.id, { stage: 'initial_contact' });
    await bob.leads.update(lead.id, { needDescription: 'Cut costs' });
    await bob.engine.sync();
    await alice.engine.sync();
    await bob.engine.sync();
    for (const device of [alice, bob]) {
      expect(await device.pending()).toBe(0);
      expect((await device.leads.get(lead.id))!).toMatchObject({ stage: 'initial_contact', needDescription: 'Cut costs' });
    }
    expect(await alice.records('leads')).toEqual(await bob.records('leads'));
  });

  it('a device whose clock is a year behind still wins with an edit made after it saw the lead', async () => {
    const h = createHarness(database());
    const team = await h.team(['rep', 'rep']);
    const [ahead, behind] = [new DexieDevice(h, team.users[0]!, 'ahead'), new DexieDevice(h, team.users[1]!, 'behind', Date.UTC(2025, 10, 1))];
    const lead = await ahead.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await ahead.leads.update(lead.id, { needDescription: 'Faster quotes' });
    await ahead.engine.sync();
    await behind.engine.sync();
    await behind.leads.update(lead.id, { needDescription: 'Cut costs' });
    await behind.engine.sync();
    await ahead.engine.sync();
    for (const device of [ahead, behind]) expect((await device.leads.get(lead.id))!.needDescription).toBe('Cut costs');
  });

  it('a company clipped on both devices offline ends as one lead with both follow-ups, on both', async () => {
    const { alice, bob } = await twoReps();
    const aliceLead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    const bobLead = await bob.clip('https://acme-robotics.com/contact', 'Acme Robotics Inc.');
    const task = { title: 'Send quote', dueAt: '2026-11-03T09:00:00.000Z', remindAt: null, assigneeId: null, priority: 'important' as const, status: 'open' as const, activityId: null };
    const aliceTask = await alice.tasks.add({ ...task, leadId: aliceLead.id }, alice.user.id);
    const bobTask = await bob.tasks.add({ ...task, leadId: bobLead.id, title: 'Book a demo' }, bob.user.id);
    await alice.engine.sync();
    await bob.engine.sync();
    await alice.engine.sync();
    for (const device of [alice, bob]) {
      expect((await device.liveLeads()).map((l) => l.id)).toEqual([aliceLead.id]);
      expect((await device.leads.findForUrl('https://acme-robotics.com/'))!.id).toBe(aliceLead.id);
      const tasks = (await device.records('tasks')) as Array<{ id: string; leadId: string }>;
      expect(tasks.map((t) => t.id).sort()).toEqual([aliceTask.id, bobTask.id].sort());
      expect(new Set(tasks.map((t) => t.leadId))).toEqual(new Set([aliceLead.id]));
      expect(await device.pending()).toBe(0);
    }
    expect(await alice.records('leads')).toEqual(await bob.records('leads'));
    expect(await alice.records('tasks')).toEqual(await bob.records('tasks'));
  });

  it("pulling the team's changes keeps a local edit that is still waiting to be sent", async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.engine.sync();
    await bob.engine.sync();
    await bob.leads.update(lead.id, { stage: 'needs_confirmed' });
    await bob.engine.sync();
    await alice.leads.update(lead.id, { needDescription: 'Faster quotes' });
    await alice.engine.pullAll();
    expect(await alice.pending()).toBe(1);
    expect(await alice.leads.get(lead.id)).toMatchObject({ stage: 'needs_confirmed', needDescription: 'Faster quotes' });
  });

  it('a same-field conflict reaches the rep whose value lost, and new team settings reach the device', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep', 'rep']);
    const [manager, alice, bob] = [users[0]!, new DexieDevice(h, users[1]!, 'alice'), new DexieDevice(h, users[2]!, 'bob')];
    const received: unknown[] = [];
    const bobStore = new DexieSyncStore(bob.db, { onTeamSettings: (settings) => void received.push(settings) });
    const bobEngine = new SyncEngine({ store: bobStore, transport: bob.transport, now: () => h.now() });
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.engine.sync();
    await bobEngine.sync();
    await bob.leads.update(lead.id, { needDescription: 'Faster quotes' });
    await alice.leads.update(lead.id, { needDescription: 'Cut costs' });
    await bobEngine.sync();
    await alice.engine.sync();
    await bobEngine.sync();
    await alice.engine.sync();
    // The per-field order of clock stamps decides, the same on both devices; the losing value reaches its author.
    const kept = (await bob.leads.get(lead.id))!.needDescription;
    expect((await alice.leads.get(lead.id))!.needDescription).toBe(kept);
    const [loser, lostValue] = kept === 'Cut costs' ? [bob, 'Faster quotes'] : [alice, 'Cut costs'];
    expect(await loser.db.syncConflicts.toArray()).toEqual([expect.objectContaining({ recordId: lead.id, field: 'needDescription', lostValue, keptValue: kept })]);
    expect(await (loser === bob ? bobStore : alice.store).status()).toMatchObject({ conflicts: 1 });
    expect(await (loser === bob ? alice : bob).db.syncConflicts.count()).toBe(0);
    const settings = (await h.call('GET', '/v1/team/settings', undefined, manager.token)).json.settings;
    await h.call('PUT', '/v1/team/settings', { ...settings, dealSize: 500_000 }, manager.token);
    await bobEngine.sync();
    expect(received).toEqual([expect.objectContaining({ dealSize: 500_000 })]);
    expect(await bob.db.syncMeta.get('teamSettings')).toMatchObject({ value: { dealSize: 500_000 } });
  });

  it("an edit of another rep's lead is refused by the server, undone on the device and kept for the rep to see", async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics', alice.user.id);
    await alice.engine.sync();
    await bob.engine.sync();
    await bob.leads.update(lead.id, { needDescription: 'Cut costs' });
    expect(await bob.engine.sync()).toMatchObject({ pushed: 1, rejected: 1 });
    expect(await bob.pending()).toBe(0);
    expect((await bob.leads.get(lead.id))!.needDescription).toBeNull();
    expect(await bob.db.syncRejections.toArray()).toEqual([expect.objectContaining({ code: 'forbidden', mutation: expect.objectContaining({ fields: { needDescription: 'Cut costs' } }) })]);
    expect(await bob.store.status()).toMatchObject({ rejections: 1, pending: 0 });
  });

  it('a worker stopped before a step committed: that step is rolled back whole, and the next sync loses and doubles nothing', async () => {
    const { alice, bob, h } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.tasks.add({ leadId: lead.id, title: 'Call back', dueAt: '2026-11-03T09:00:00.000Z', remindAt: null, assigneeId: null, priority: 'important', status: 'open', activityId: null }, alice.user.id);
    // Every store transaction after the first `survive` ones stops before it commits (IndexedDB rolls it back).
    let survive = 1;
    const stopping: SyncStore = { transaction: (work) => alice.store.transaction(async (tx) => {
      const result = await work(tx);
      if (survive-- <= 0) throw new Error('service worker stopped');
      return result;
    }) };
    const crashing = new SyncEngine({ store: stopping, transport: alice.transport, now: () => h.now() });
    await expect(crashing.sync()).rejects.toThrow();
    // The push reached the server but its acknowledgement was never stored: both changes are still queued.
    expect(await alice.pending()).toBe(2);
    expect(await alice.engine.sync()).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await alice.pending()).toBe(0);
    await bob.engine.sync();
    expect((await bob.records('leads')).map((l) => l.id)).toEqual([lead.id]);
    expect(await bob.records('tasks')).toHaveLength(1);
    expect(await alice.records('tasks')).toEqual(await bob.records('tasks'));
  });

  it('a sync step that fails to commit leaves the outbox as it was, and the next sync sends it once', async () => {
    const { alice, h } = await twoReps();
    const lead = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    alice.transport.faults = ['response-lost'];
    await expect(alice.engine.sync()).rejects.toMatchObject({ code: 'offline' });
    expect(await alice.pending()).toBe(1);
    expect(await alice.store.status()).toMatchObject({ pending: 1, state: { failures: 1, lastError: { code: 'offline' } } });
    await alice.engine.sync();
    expect(await alice.pending()).toBe(0);
    expect((await pullAll(h, alice.user)).records.get(lead.id)).toMatchObject({ id: lead.id, name: 'Acme Robotics' });
    expect(await alice.store.status()).toMatchObject({ pending: 0, state: { failures: 0, lastError: null } });
  });
});
