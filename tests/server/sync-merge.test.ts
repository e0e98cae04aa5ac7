import { expect, it } from 'vitest';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeActivity, makeContact, makeLead, makeTask, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

describeEachBackend('conflicts and duplicate companies', (backend) => {
  const database = useMigratedDatabase(backend);

  it('two reps editing different fields of one lead offline both keep their edits', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const lead = makeLead(stamper('base')());
    await push(h, alice, newClientId(), [put('leads', lead)]);
    const a = stamper('alice', Date.UTC(2026, 10, 1, 10));
    const b = stamper('bob', Date.UTC(2026, 10, 1, 11));
    await push(h, bob, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'A' }, versions: { tier: b() }, baseVersions: lead.versions }]);
    await push(h, alice, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { stage: 'initial_contact' }, versions: { stage: a() }, baseVersions: lead.versions }]);
    const seen = await pullAll(h, alice);
    expect(seen.records.get(lead.id)).toMatchObject({ tier: 'A', stage: 'initial_contact' });
    expect(seen.conflicts).toEqual([]);
  });

  it('the same field edited by two reps: the later stamp wins in any push order, and the loser is told', async () => {
    for (const order of ['alice first', 'bob first']) {
      const h = createHarness(database());
      const { users } = await h.team(['rep', 'rep']);
      const [alice, bob] = users as [any, any];
      const lead = makeLead(stamper('base')());
      await push(h, alice, newClientId(), [put('leads', lead)]);
      const early = stamper('alice', Date.UTC(2026, 10, 1, 10))();
      const late = stamper('bob', Date.UTC(2026, 10, 1, 11))();
      const alicePush = () => push(h, alice, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { needDescription: 'Cut costs' }, versions: { needDescription: early }, baseVersions: lead.versions }]);
      const bobPush = () => push(h, bob, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { needDescription: 'Faster quotes' }, versions: { needDescription: late }, baseVersions: lead.versions }]);
      if (order === 'alice first') {
        await alicePush();
        await bobPush();
      } else {
        await bobPush();
        await alicePush();
      }
      const aliceView = await pullAll(h, alice);
      expect(aliceView.records.get(lead.id).needDescription, order).toBe('Faster quotes');
      expect(aliceView.conflicts, order).toEqual([
        expect.objectContaining({ table: 'leads', recordId: lead.id, field: 'needDescription', lostValue: 'Cut costs', lostVersion: early, keptValue: 'Faster quotes', keptVersion: late }),
      ]);
      expect((await pullAll(h, bob)).conflicts, order).toEqual([]);
      // The lost value stays in the lead's history, for the whole team to see.
      const history = await h.call('GET', `/v1/records/${lead.id}/history`, undefined, bob.token);
      expect(history.json.entries, order).toEqual([expect.objectContaining({ authorId: alice.id, field: 'needDescription', lostValue: 'Cut costs' })]);
    }
  });

  it('an edit made after seeing the other one is no conflict', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const lead = makeLead(stamper('base')());
    await push(h, alice, newClientId(), [put('leads', lead)]);
    const first = stamper('alice', Date.UTC(2026, 10, 1, 10))();
    await push(h, alice, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'B' }, versions: { tier: first }, baseVersions: lead.versions }]);
    const second = stamper('bob', Date.UTC(2026, 10, 1, 11))();
    await push(h, bob, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'A' }, versions: { tier: second }, baseVersions: { ...lead.versions, tier: first } }]);
    expect((await pullAll(h, alice)).conflicts).toEqual([]);
    expect((await pullAll(h, alice)).records.get(lead.id).tier).toBe('A');
  });

  it('a device clock hours ahead does not win every conflict', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const lead = makeLead(stamper('base')());
    await push(h, alice, newClientId(), [put('leads', lead)]);
    const future = stamper('fast', h.now().getTime() + 5 * 3600_000)();
    await push(h, alice, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'C' }, versions: { tier: future } }]);
    h.advance(60_000);
    const honest = stamper('bob', h.now().getTime())();
    await push(h, bob, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'A' }, versions: { tier: honest } }]);
    expect((await pullAll(h, bob)).records.get(lead.id).tier).toBe('A');
  });

  it('two reps clipping one company offline end with one lead that has both reps\' contacts, activities and tasks', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const a = stamper('alice');
    const b = stamper('bob');
    const aliceLead = makeLead(a(), { ownerId: alice.id, domain: 'acme.com', emails: ['sales@acme.com'], industry: 'Robotics' });
    const bobLead = makeLead(b(), { ownerId: bob.id, domain: 'acme.com', emails: ['info@acme.com'], employees: 250 });
    const bobClient = newClientId();
    await push(h, alice, newClientId(), [put('leads', aliceLead), put('activities', makeActivity(a(), aliceLead.id, { ownerId: alice.id, summary: 'Alice called' }))]);
    const bobActivity = makeActivity(b(), bobLead.id, { ownerId: bob.id, summary: 'Bob emailed' });
    const bobContact = makeContact(b(), bobLead.id, { ownerId: bob.id, name: 'Wang Fang' });
    const bobTask = makeTask(b(), bobLead.id, { ownerId: bob.id });
    const pushed = await push(h, bob, bobClient, [put('leads', bobLead), put('activities', bobActivity), put('contacts', bobContact), put('tasks', bobTask)]);
    expect(pushed.json.results.map((r: any) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(pushed.json.results[0].redirect).toEqual({ from: bobLead.id, to: aliceLead.id });
    // A later edit Bob makes to his copy lands on the surviving lead (and is refused there: it is Alice's).
    const late = await push(h, bob, bobClient, [{ op: 'patch', table: 'leads', id: bobLead.id, fields: { tier: 'S' }, versions: { tier: b() } }], 5);
    expect(late.json.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden' }, current: { id: bobLead.id, mergedInto: aliceLead.id } });
    const view = await pullAll(h, bob);
    const live = [...view.records.values()].filter((r) => r.domain === 'acme.com' && r.deletedAt === null);
    expect(live.map((r) => r.id)).toEqual([aliceLead.id]);
    expect(live[0]).toMatchObject({ ownerId: alice.id, industry: 'Robotics', employees: 250 });
    expect([...live[0].emails].sort()).toEqual(['info@acme.com', 'sales@acme.com']);
    expect(view.records.get(bobLead.id)).toMatchObject({ mergedInto: aliceLead.id, deletedAt: expect.any(String) });
    const children = [...view.records.values()].filter((r) => 'leadId' in r);
    expect(children.map((r) => r.leadId)).toEqual([aliceLead.id, aliceLead.id, aliceLead.id, aliceLead.id]);
    expect(children.map((r) => r.summary ?? r.name ?? r.title).sort()).toEqual(['Alice called', 'Bob emailed', 'Send the proposal', 'Wang Fang']);
  });

  it('a rep clipping a company that sits unowned in the pool gets it, as a claim would', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const pool = makeLead(stamper('a')(), { domain: 'pool.com', ownerId: null });
    await push(h, alice, newClientId(), [put('leads', pool)]);
    const clip = makeLead(stamper('b')(), { domain: 'pool.com', ownerId: bob.id });
    const pushed = await push(h, bob, newClientId(), [put('leads', clip)]);
    expect(pushed.json.results[0].redirect).toEqual({ from: clip.id, to: pool.id });
    expect((await pullAll(h, alice)).records.get(pool.id).ownerId).toBe(bob.id);
    // Alice's clip of the same company, now Bob's, leaves it with Bob.
    await push(h, alice, newClientId(), [put('leads', makeLead(stamper('c')(), { domain: 'pool.com', ownerId: alice.id }))]);
    expect((await pullAll(h, alice)).records.get(pool.id).ownerId).toBe(bob.id);
  });

  it('a lead with the credit code of another lead is merged into it', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager']);
    const a = stamper('m');
    const first = makeLead(a(), { domain: 'tencent.com', creditCode: '9144030071526726XG' });
    const second = makeLead(a(), { domain: 'qq.com', creditCode: '9144030071526726XG' });
    const pushed = await push(h, users[0]!, newClientId(), [put('leads', first), put('leads', second)]);
    expect(pushed.json.results[1].redirect).toEqual({ from: second.id, to: first.id });
    expect((await pullAll(h, users[0]!)).records.get(first.id).otherDomains).toEqual(['qq.com']);
  });

  it('claiming a pool lead takes it; a lead someone owns is refused with 409', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const [alice, bob] = users as [any, any];
    const a = stamper('a');
    const pool = makeLead(a(), { domain: 'pool.com' });
    await push(h, alice, newClientId(), [put('leads', pool)]);
    const claimed = await h.call('POST', `/v1/leads/${pool.id}/claim`, undefined, bob.token);
    expect(claimed.status).toBe(200);
    expect(claimed.json.lead.ownerId).toBe(bob.id);
    expect((await h.call('POST', `/v1/leads/${pool.id}/claim`, undefined, bob.token)).status).toBe(200);
    const refused = await h.call('POST', `/v1/leads/${pool.id}/claim`, undefined, alice.token);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('already_owned');
    expect((await pullAll(h, alice)).records.get(pool.id).ownerId).toBe(bob.id);
    expect((await h.call('POST', '/v1/leads/not-an-id/claim', undefined, alice.token)).status).toBe(400);
  });
});
