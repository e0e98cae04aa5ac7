import { expect, it } from 'vitest';
import type { Lead } from '../../../lib/schema';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness } from '../../server/harness';
import { purgeExpired } from '../../../server/sync/purge';
import { pullAll } from '../../server/sync-calls';
import { Device } from './device';

describeEachBackend('the sync engine against the server', (backend) => {
  const database = useMigratedDatabase(backend);

  async function twoReps() {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep', 'rep']);
    return { h, manager: users[0]!, alice: new Device(h, users[1]!, 'alice'), bob: new Device(h, users[2]!, 'bob') };
  }

  it('a lead clipped on one device appears on another; offline edits of different fields both survive', async () => {
    const { alice, bob, h } = await twoReps();
    const lead = await alice.clip('acme.com', { ownerId: null });
    expect(await alice.engine.sync()).toMatchObject({ pushed: 1, rejected: 0 });
    await bob.engine.sync();
    expect(bob.liveLeads().map((l) => l.id)).toEqual([lead.id]);
    await alice.edit('leads', lead.id, { stage: 'initial_contact' });
    await bob.edit('leads', lead.id, { tier: 'A' });
    await bob.engine.sync();
    await alice.engine.sync();
    await bob.engine.sync();
    for (const device of [alice, bob]) {
      expect(device.pending()).toBe(0);
      expect(device.liveLeads()[0]).toMatchObject({ stage: 'initial_contact', tier: 'A' });
    }
    expect(alice.records('leads')).toEqual(bob.records('leads'));
    expect(alice.records('leads')[0]).toEqual((await pullAll(h, alice.user)).records.get(lead.id));
  });

  it('pulling the team\'s changes keeps a local edit that is still waiting to be sent', async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('acme.com', { ownerId: null });
    await alice.engine.sync();
    await bob.engine.sync();
    await bob.edit('leads', lead.id, { stage: 'needs_confirmed' });
    await bob.engine.sync();
    await alice.edit('leads', lead.id, { tier: 'S' });
    await alice.engine.pullAll();
    expect(alice.pending()).toBe(1);
    expect(alice.liveLeads()[0]).toMatchObject({ stage: 'needs_confirmed', tier: 'S' });
  });

  it('a device whose clock is behind: an edit made after seeing the value wins, one made without seeing a newer edit loses and is shown', async () => {
    const { alice, h, manager } = await twoReps();
    const office = new Device(h, manager, 'mgr');
    const behind = new Device(h, alice.user, 'slow', -3600_000);
    const lead = await office.clip('acme.com', { ownerId: null });
    await office.engine.sync();
    await behind.engine.sync();
    await behind.edit('leads', lead.id, { stage: 'initial_contact' });
    await behind.engine.sync();
    await office.engine.sync();
    expect(office.liveLeads()[0]!.stage).toBe('initial_contact');
    // Now both edit the stage; the office pushes first, and the slow device had not seen that edit.
    await office.edit('leads', lead.id, { stage: 'needs_confirmed' });
    await office.engine.sync();
    await behind.edit('leads', lead.id, { stage: 'won' });
    await behind.engine.sync();
    expect(behind.liveLeads()[0]!.stage).toBe('needs_confirmed');
    expect(behind.store.snapshot().conflicts).toEqual([expect.objectContaining({ field: 'stage', lostValue: 'won', keptValue: 'needs_confirmed' })]);
  });

  it('an answer lost on the way back is replayed, not applied twice', async () => {
    const { alice, h } = await twoReps();
    const lead = await alice.clip('acme.com');
    await alice.logActivity(lead.id, 'Called');
    alice.transport.faults = ['response-lost'];
    await expect(alice.engine.sync()).rejects.toMatchObject({ code: 'offline' });
    expect(alice.pending()).toBe(2);
    const before = await pullAll(h, alice.user);
    await alice.engine.sync();
    expect(alice.pending()).toBe(0);
    const after = await pullAll(h, alice.user, before.checkpoint);
    expect(after.records.size).toBe(0);
    expect(alice.store.snapshot().rejections).toEqual([]);
  });

  it('a device stopped before it stored the acknowledgement resends, and the server acknowledges the replay', async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('acme.com');
    await alice.edit('leads', lead.id, { tier: 'B' });
    alice.store.failNextCommit = true;
    // The push reaches the server, then the transaction recording its acknowledgement never commits.
    await expect(alice.engine.pushAll()).rejects.toThrow(/stopped/);
    expect(alice.pending()).toBe(2);
    await alice.engine.sync();
    await bob.engine.sync();
    expect(alice.pending()).toBe(0);
    expect(bob.liveLeads()[0]).toMatchObject({ id: lead.id, tier: 'B' });
    expect(alice.records('leads')).toEqual(bob.records('leads'));
  });

  it('a refused change is acknowledged, undone locally and shown to the rep', async () => {
    const { alice, bob } = await twoReps();
    const lead = await alice.clip('acme.com');
    await alice.engine.sync();
    await bob.engine.sync();
    await bob.edit('leads', lead.id, { stage: 'lost' });
    const report = await bob.engine.sync();
    expect(report).toMatchObject({ pushed: 1, rejected: 1 });
    expect(bob.pending()).toBe(0);
    expect(bob.liveLeads()[0]!.stage).toBe('not_contacted');
    expect(bob.store.snapshot().rejections).toEqual([expect.objectContaining({ code: 'forbidden', message: expect.stringMatching(/another rep/) })]);
  });

  it('two reps clipping one company: both devices end with the surviving lead and every follow-up on it', async () => {
    const { alice, bob } = await twoReps();
    const aliceLead = await alice.clip('acme.com', { ownerId: null });
    const bobLead = await bob.clip('acme.com', { ownerId: null });
    const first = await alice.logActivity(aliceLead.id, 'Alice called');
    const second = await bob.logActivity(bobLead.id, 'Bob emailed');
    await alice.engine.sync();
    bob.transport.faults = ['none', 'response-lost'];
    await expect(bob.engine.sync()).rejects.toMatchObject({ code: 'offline' });
    const third = await bob.logActivity(bobLead.id, 'Bob met them');
    await bob.engine.sync();
    await alice.engine.sync();
    for (const device of [alice, bob]) {
      expect(device.liveLeads().map((l: Lead) => l.id)).toEqual([aliceLead.id]);
      const activities = device.records('activities') as { id: string; leadId: string }[];
      expect(activities.map((a) => a.id).sort()).toEqual([first.id, second.id, third.id].sort());
      expect(new Set(activities.map((a) => a.leadId))).toEqual(new Set([aliceLead.id]));
    }
    expect(alice.records('activities')).toEqual(bob.records('activities'));
    expect(alice.records('leads')).toEqual(bob.records('leads'));
  });

  it('backs off after failures, says why, and clears it after a good sync', async () => {
    const { alice, h } = await twoReps();
    await alice.clip('acme.com');
    alice.transport.faults = ['request-lost', 'request-lost'];
    await expect(alice.engine.sync()).rejects.toMatchObject({ code: 'offline' });
    let state = alice.store.snapshot().state;
    expect(state).toMatchObject({ failures: 1, lastError: { code: 'offline' } });
    const firstWait = Date.parse(state.retryAt!) - h.now().getTime();
    expect(await alice.engine.syncIfDue()).toBeNull();
    h.advance(firstWait);
    await expect(alice.engine.syncIfDue()).rejects.toMatchObject({ code: 'offline' });
    state = alice.store.snapshot().state;
    expect(Date.parse(state.retryAt!) - h.now().getTime()).toBe(2 * firstWait);
    h.advance(2 * firstWait);
    expect(await alice.engine.syncIfDue()).toMatchObject({ pushed: 1 });
    expect(alice.store.snapshot().state).toMatchObject({ failures: 0, retryAt: null, lastError: null, lastSyncAt: h.now().toISOString() });
  });

  it('team settings and conflicts addressed to the rep reach the device', async () => {
    const { alice, bob, h, manager } = await twoReps();
    const lead = await alice.clip('pool.com', { ownerId: null });
    await alice.engine.sync();
    await bob.engine.sync();
    await bob.edit('leads', lead.id, { needDescription: 'Faster quotes' });
    await alice.edit('leads', lead.id, { needDescription: 'Cut costs' });
    await bob.engine.sync();
    await alice.engine.sync();
    await bob.engine.sync();
    expect(bob.store.snapshot().conflicts).toEqual([expect.objectContaining({ field: 'needDescription', lostValue: 'Faster quotes', keptValue: 'Cut costs' })]);
    expect(bob.liveLeads()[0]!.needDescription).toBe('Cut costs');
    const settings = (await h.call('GET', '/v1/team/settings', undefined, manager.token)).json.settings;
    await h.call('PUT', '/v1/team/settings', { ...settings, dealSize: 500_000 }, manager.token);
    await alice.engine.sync();
    expect(alice.store.snapshot().settings).toMatchObject({ dealSize: 500_000 });
  });
});

describeEachBackend('a device offline past the purge horizon', (backend) => {
  const database = useMigratedDatabase(backend);

  it('drops what it had, pulls everything again, and still sends its queued changes', async () => {
    const h = createHarness(database());
    const { users } = await h.quickTeam(['rep', 'rep']);
    const alice = new Device(h, users[0]!, 'alice');
    const bob = new Device(h, users[1]!, 'bob');
    const kept = await alice.clip('kept.com');
    const gone = await alice.clip('gone.com');
    await alice.engine.sync();
    await bob.engine.sync();
    await alice.remove('leads', gone.id);
    await alice.engine.sync();
    // Bob stays offline for months and keeps working meanwhile.
    const bobs = await bob.clip('bob.com');
    h.advance(120 * 24 * 3600_000);
    await purgeExpired(database(), h.now());
    await bob.engine.sync();
    expect(bob.pending()).toBe(0);
    expect(bob.records('leads').map((l) => l.id).sort()).toEqual([kept.id, bobs.id].sort());
    await alice.engine.sync();
    expect(alice.records('leads').filter((l) => l.deletedAt === null)).toEqual(bob.records('leads'));
  });
});
