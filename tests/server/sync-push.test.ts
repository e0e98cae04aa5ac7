import { expect, it } from 'vitest';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeActivity, makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

describeEachBackend('pushing changes', (backend) => {
  const database = useMigratedDatabase(backend);

  it('a lead one rep pushes reaches the rest of the team, and no other team', async () => {
    const h = createHarness(database());
    const team = await h.team(['rep', 'rep']);
    const other = await h.team(['admin']);
    const lead = makeLead(stamper('a')(), { ownerId: team.users[0]!.id });
    const pushed = await push(h, team.users[0]!, newClientId(), [put('leads', lead)]);
    expect(pushed.status).toBe(200);
    expect(pushed.json).toEqual({ results: [{ mutationId: 1, status: 'applied', replayed: false }], lastMutationId: 1 });
    const seen = await pullAll(h, team.users[1]!);
    expect(seen.records.get(lead.id)).toMatchObject({ name: 'Acme Robotics', teamId: team.id, ownerId: team.users[0]!.id });
    expect((await pullAll(h, other.users[0]!)).records.size).toBe(0);
  });

  it('a replayed batch is acknowledged again but applied only once', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const lead = makeLead(clock(), { ownerId: users[0]!.id });
    const client = newClientId();
    const batch = [put('leads', lead), { op: 'patch' as const, table: 'leads' as const, id: lead.id, fields: { stage: 'initial_contact' }, versions: { stage: clock() } }];
    await push(h, users[0]!, client, batch);
    const first = await pullAll(h, users[0]!);
    const again = await push(h, users[0]!, client, batch);
    expect(again.status).toBe(200);
    expect(again.json.results.map((r: any) => [r.mutationId, r.status, r.replayed])).toEqual([
      [1, 'applied', true],
      [2, 'applied', true],
    ]);
    expect(again.json.lastMutationId).toBe(2);
    const after = await pullAll(h, users[0]!, first.checkpoint);
    expect(after.records.size).toBe(0);
    // A batch that repeats the acknowledged ones and adds a new one applies only the new one.
    const more = await push(h, users[0]!, client, [...batch, { op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'A' }, versions: { tier: clock() } }]);
    expect(more.json.results.map((r: any) => r.replayed)).toEqual([true, true, false]);
    expect((await pullAll(h, users[0]!)).records.get(lead.id)).toMatchObject({ stage: 'initial_contact', tier: 'A' });
  });

  it('a bad record is rejected but acknowledged, and the rest of its batch is applied', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const good = makeLead(clock(), { domain: 'good.com' });
    const bad = { ...makeLead(clock(), { domain: 'bad.com' }), stage: 'dreaming' };
    const later = makeLead(clock(), { domain: 'later.com' });
    const client = newClientId();
    const pushed = await push(h, users[0]!, client, [put('leads', good), { op: 'put', table: 'leads', record: bad }, put('leads', later)]);
    expect(pushed.status).toBe(200);
    expect(pushed.json.lastMutationId).toBe(3);
    const [r1, r2, r3] = pushed.json.results;
    expect(r1.status).toBe('applied');
    expect(r2).toMatchObject({ status: 'rejected', rejection: { code: 'invalid_record', message: expect.stringMatching(/stage/) }, current: null });
    expect(r3.status).toBe('applied');
    const stored = await pullAll(h, users[0]!);
    expect([...stored.records.keys()].sort()).toEqual([good.id, later.id].sort());
    // Replaying gives the same rejection, so a client that lost the answer still learns of it.
    const replay = await push(h, users[0]!, client, [{ op: 'put', table: 'leads', record: bad }], 2);
    expect(replay.json.results[0]).toMatchObject({ status: 'rejected', replayed: true, rejection: { code: 'invalid_record' } });
  });

  it('refuses malformed pushes whole, with a code, and stores nothing', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const lead = makeLead(clock());
    const user = users[0]!;
    const cases = [
      { clientId: newClientId(), mutations: [{ ...put('leads', lead), mutationId: 1, extra: true }] },
      { clientId: newClientId(), mutations: [] },
      { clientId: 'x', mutations: [{ ...put('leads', lead), mutationId: 1 }] },
      { clientId: newClientId(), mutations: [{ ...put('leads', lead), mutationId: 2 }, { ...put('leads', makeLead(clock(), { domain: 'b.com' })), mutationId: 2 }] },
      // More mutations than a push may carry, in a body under the size limit (small patches).
      { clientId: newClientId(), mutations: Array.from({ length: 501 }, (_, i) => ({ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'A' }, versions: { tier: clock() }, mutationId: i + 1 })) },
    ];
    for (const body of cases) {
      const response = await h.call('POST', '/v1/sync/push', body, user.token);
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe('invalid_request');
      expect(response.json.error.message.length).toBeGreaterThan(10);
    }
    expect((await pullAll(h, user)).records.size).toBe(0);
  });

  it('answers 413 to a push over the body limit', async () => {
    const h = createHarness(database(), { maxBodyBytes: 20_000 });
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const big = makeLead(clock(), { description: 'x'.repeat(19_000) });
    const response = await h.call('POST', '/v1/sync/push', { clientId: newClientId(), mutations: [{ ...put('leads', big), mutationId: 1 }, { ...put('leads', { ...big, id: makeLead(clock()).id }), mutationId: 2 }] }, users[0]!.token);
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('payload_too_large');
    expect((await pullAll(h, users[0]!)).records.size).toBe(0);
  });

  it('a rep edits their own and unowned leads, not another rep\'s; a manager edits any', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep', 'rep']);
    const [manager, alice, bob] = users as [any, any, any];
    const clock = stamper('a');
    const alices = makeLead(clock(), { domain: 'alice.com', ownerId: alice.id });
    const pool = makeLead(clock(), { domain: 'pool.com', ownerId: null });
    await push(h, alice, newClientId(), [put('leads', alices), put('leads', pool)]);
    const bobClient = newClientId();
    const attempt = await push(h, bob, bobClient, [
      { op: 'patch', table: 'leads', id: alices.id, fields: { stage: 'lost' }, versions: { stage: clock() } },
      { op: 'patch', table: 'leads', id: pool.id, fields: { tier: 'B' }, versions: { tier: clock() } },
      { op: 'patch', table: 'leads', id: pool.id, fields: { ownerId: alice.id }, versions: { ownerId: clock() } },
      { op: 'put', table: 'activities', record: makeActivity(clock(), alices.id) as any },
    ]);
    const [onAlices, onPool, giveAway, activity] = attempt.json.results;
    expect(onAlices).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden' }, current: { id: alices.id, stage: 'not_contacted' } });
    expect(onPool.status).toBe('applied');
    expect(giveAway).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden' } });
    expect(activity).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden' } });
    // Bob's own follow-up on Alice's lead is his, so it is kept.
    const own = await push(h, bob, bobClient, [put('activities', makeActivity(clock(), alices.id, { ownerId: bob.id }))], 5);
    expect(own.json.results[0].status).toBe('applied');
    const byManager = await push(h, manager, newClientId(), [{ op: 'patch', table: 'leads', id: alices.id, fields: { ownerId: bob.id }, versions: { ownerId: clock() } }]);
    expect(byManager.json.results[0].status).toBe('applied');
    const seen = await pullAll(h, alice);
    expect(seen.records.get(alices.id)).toMatchObject({ ownerId: bob.id, stage: 'not_contacted' });
    expect(seen.records.get(pool.id)).toMatchObject({ tier: 'B', ownerId: null });
  });

  it("only a manager sets or lifts a lead's tier override; a rep's new lead is kept without one", async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep']);
    const [manager, rep] = users as [any, any];
    const clock = stamper('a');
    const lead = makeLead(clock(), { domain: 'acme.com', ownerId: rep.id });
    const override = { tier: 'S' as const, reason: 'Group account', by: 'Manager Zhang', at: '2026-11-23T02:00:00.000Z' };
    const solo = makeLead(clock(), { domain: 'solo.com', ownerId: rep.id, tierOverride: { ...override, by: 'Li Wei' } });
    const repClient = newClientId();
    const first = await push(h, rep, repClient, [put('leads', lead), put('leads', solo)]);
    expect(first.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await pullAll(h, manager)).records.get(solo.id)?.tierOverride ?? null).toBeNull();

    const byRep = await push(h, rep, repClient, [{ op: 'patch', table: 'leads', id: lead.id, fields: { tierOverride: override, stage: 'lost' }, versions: { tierOverride: clock(), stage: clock() } }], 3);
    expect(byRep.json.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden', message: expect.stringContaining('only a manager or admin') } });
    expect((await pullAll(h, rep)).records.get(lead.id)).toMatchObject({ stage: 'not_contacted' });

    const byManager = await push(h, manager, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields: { tierOverride: override }, versions: { tierOverride: clock() } }]);
    expect(byManager.json.results[0].status).toBe('applied');
    expect((await pullAll(h, rep)).records.get(lead.id)?.tierOverride).toEqual(override);
    // The rep's other edits of the lead still go through.
    const edit = await push(h, rep, repClient, [{ op: 'patch', table: 'leads', id: lead.id, fields: { stage: 'initial_contact' }, versions: { stage: clock() } }], 4);
    expect(edit.json.results[0].status).toBe('applied');
  });

  it('no request reads or writes another team\'s records', async () => {
    const h = createHarness(database());
    const mine = await h.team(['admin']);
    const theirs = await h.team(['admin']);
    const clock = stamper('a');
    const lead = makeLead(clock(), { domain: 'secret.com' });
    await push(h, mine.users[0]!, newClientId(), [put('leads', lead)]);
    const patch = await push(h, theirs.users[0]!, newClientId(), [
      { op: 'patch', table: 'leads', id: lead.id, fields: { name: 'Hijacked' }, versions: { name: clock() } },
      put('leads', { ...lead, name: 'Hijacked' }),
      put('activities', makeActivity(clock(), lead.id)),
      put('leads', { ...makeLead(clock(), { domain: 'x.com' }), teamId: mine.id }),
    ]);
    expect(patch.json.results.map((r: any) => [r.status, r.rejection?.code, r.current ?? null])).toEqual([
      ['rejected', 'not_found', null],
      ['rejected', 'not_found', null],
      ['rejected', 'unknown_lead', null],
      ['rejected', 'forbidden', null],
    ]);
    expect((await pullAll(h, mine.users[0]!)).records.get(lead.id).name).toBe('Acme Robotics');
    expect((await h.call('POST', `/v1/leads/${lead.id}/claim`, undefined, theirs.users[0]!.token)).status).toBe(404);
    expect((await pullAll(h, theirs.users[0]!)).records.size).toBe(0);
  });
});
