import { expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS, type AssignmentSettings } from '../../lib/schema';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness, type Harness, type TestUser } from './harness';
import { makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

async function setRules(h: Harness, manager: TestUser, assignment: AssignmentSettings) {
  const answer = await h.call('PUT', '/v1/team/settings', { ...DEFAULT_TEAM_SETTINGS, assignment }, manager.token);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
}

describeEachBackend('assignment rules', (backend) => {
  const database = useMigratedDatabase(backend);

  it('an unowned S lead goes to the manager, a Guangdong one to the South China rep, with the assignment time', async () => {
    const h = createHarness(database());
    const [manager, south, north] = (await h.team(['manager', 'rep', 'rep'])).users as [TestUser, TestUser, TestUser];
    await setRules(h, manager, {
      appliesTo: 'unowned',
      rules: [
        { tiers: ['S'], regions: [], industries: [], assignees: [manager.id] },
        { tiers: [], regions: ['广东', 'Guangdong'], industries: [], assignees: [south.id] },
        { tiers: [], regions: [], industries: ['manufacturing'], assignees: [north.id] },
      ],
    });
    const s = stamper('importer');
    const keyAccount = makeLead(s(), { tier: 'S', region: '广东 深圳', domain: 'big.cn' });
    const shenzhen = makeLead(s(), { tier: 'B', region: '广东 深圳', domain: 'small.cn' });
    const factory = makeLead(s(), { tier: 'C', region: 'Bavaria, DE', industry: 'manufacturing', domain: 'fabrik.de' });
    const nobody = makeLead(s(), { tier: 'C', region: 'NSW, AU', domain: 'outback.au' });
    h.advance(60_000);
    const pushed = await push(h, north, newClientId(), [put('leads', keyAccount), put('leads', shenzhen), put('leads', factory), put('leads', nobody)]);
    expect(pushed.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    const { records } = await pullAll(h, north);
    expect(records.get(keyAccount.id)).toMatchObject({ ownerId: manager.id, assignedAt: h.now().toISOString() });
    expect(records.get(shenzhen.id).ownerId).toBe(south.id);
    expect(records.get(factory.id).ownerId).toBe(north.id);
    expect(records.get(nobody.id)).toMatchObject({ ownerId: null });
    expect(records.get(nobody.id).assignedAt).toBeUndefined();
    // The owner the rules set outranks the importer's version of the field: a later sync does not undo it.
    expect(records.get(keyAccount.id).versions.ownerId > keyAccount.versions.ownerId!).toBe(true);
  });

  it('a rule with several people spreads its leads: the one with the fewest open leads gets the next', async () => {
    const h = createHarness(database());
    const [manager, ann, ben] = (await h.team(['manager', 'rep', 'rep'])).users as [TestUser, TestUser, TestUser];
    const s = stamper('ann');
    // Ann already works two open leads and one she won (won leads do not count).
    await push(h, ann, newClientId(), [
      put('leads', makeLead(s(), { ownerId: ann.id, domain: 'a1.com' })),
      put('leads', makeLead(s(), { ownerId: ann.id, domain: 'a2.com' })),
      put('leads', makeLead(s(), { ownerId: ann.id, domain: 'a3.com', stage: 'won' })),
    ]);
    await setRules(h, manager, { appliesTo: 'unowned', rules: [{ tiers: [], regions: [], industries: [], assignees: [ann.id, ben.id] }] });
    const incoming = Array.from({ length: 6 }, (_, i) => makeLead(s(), { domain: `new-${i}.com` }));
    await push(h, manager, newClientId(), incoming.map((lead) => put('leads', lead)));
    const { records } = await pullAll(h, manager);
    const owners = incoming.map((lead) => records.get(lead.id).ownerId);
    // Ben catches up first (2 for him), then they alternate, Ann first on ties: 4 for Ben, 2 for Ann, 4 open each.
    expect(owners.filter((id) => id === ben.id)).toHaveLength(4);
    expect(owners.filter((id) => id === ann.id)).toHaveLength(2);
    expect(owners.slice(0, 2)).toEqual([ben.id, ben.id]);
  });

  it("'unowned' leaves a rep's own clips alone; 'all_new' places them too", async () => {
    const h = createHarness(database());
    const [manager, rep] = (await h.team(['manager', 'rep'])).users as [TestUser, TestUser];
    const s = stamper('rep');
    const rules = [{ tiers: ['S' as const], regions: [], industries: [], assignees: [manager.id] }];
    await setRules(h, manager, { appliesTo: 'unowned', rules });
    const mine = makeLead(s(), { ownerId: rep.id, tier: 'S', domain: 'mine.com' });
    await push(h, rep, newClientId(), [put('leads', mine)]);
    await setRules(h, manager, { appliesTo: 'all_new', rules });
    const another = makeLead(s(), { ownerId: rep.id, tier: 'S', domain: 'another.com' });
    await push(h, rep, newClientId(), [put('leads', another)]);
    const { records } = await pullAll(h, rep);
    expect(records.get(mine.id).ownerId).toBe(rep.id);
    expect(records.get(another.id).ownerId).toBe(manager.id);
  });

  it('refuses rules naming people outside the team or nobody, with a message that says so', async () => {
    const h = createHarness(database());
    const [manager, rep] = (await h.team(['manager', 'rep'])).users as [TestUser, TestUser];
    const [stranger] = (await h.team(['rep'])).users as [TestUser];
    const outsider = await h.call('PUT', '/v1/team/settings', { ...DEFAULT_TEAM_SETTINGS, assignment: { appliesTo: 'unowned', rules: [{ tiers: [], regions: [], industries: [], assignees: [stranger.id] }] } }, manager.token);
    expect(outsider.status).toBe(400);
    expect(outsider.json.error.message).toMatch(/rule 1 .* not in your team/);
    const empty = await h.call('PUT', '/v1/team/settings', { ...DEFAULT_TEAM_SETTINGS, assignment: { appliesTo: 'unowned', rules: [{ tiers: [], regions: [], industries: [], assignees: [] }] } }, manager.token);
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/at least one person/);
    expect((await h.call('GET', '/v1/team/settings', undefined, rep.token)).json.settings.assignment).toEqual({ appliesTo: 'unowned', rules: [] });
  });

  it('a manager hands out the pool by the rules; a rep may not', async () => {
    const h = createHarness(database());
    const [manager, rep] = (await h.team(['manager', 'rep'])).users as [TestUser, TestUser];
    const s = stamper('pool');
    const pool = [makeLead(s(), { tier: 'A', domain: 'p1.com' }), makeLead(s(), { tier: 'C', domain: 'p2.com' })];
    await push(h, rep, newClientId(), pool.map((lead) => put('leads', lead)));
    await setRules(h, manager, { appliesTo: 'unowned', rules: [{ tiers: ['A'], regions: [], industries: [], assignees: [rep.id] }] });
    expect((await h.call('POST', '/v1/team/assign-pool', undefined, rep.token)).status).toBe(403);
    const run = await h.call('POST', '/v1/team/assign-pool', undefined, manager.token);
    expect(run.json).toEqual({ assigned: 1, unmatched: 1 });
    const { records } = await pullAll(h, rep);
    expect(records.get(pool[0]!.id)).toMatchObject({ ownerId: rep.id, assignedAt: h.now().toISOString() });
    expect(records.get(pool[1]!.id).ownerId).toBeNull();
  });

  it('lists the team members (and no one else) for choosing assignees', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep']);
    await h.team(['rep']);
    const answer = await h.call('GET', '/v1/team/members', undefined, users[1]!.token);
    expect(answer.status).toBe(200);
    expect(answer.json.members.map((m: { id: string }) => m.id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(answer.json.members[0]).toEqual({ id: expect.any(String), email: expect.stringContaining('@example.com'), role: expect.stringMatching(/manager|rep/) });
  });

  it('claiming a pool lead records when it was taken', async () => {
    const h = createHarness(database());
    const [rep] = (await h.team(['rep'])).users as [TestUser];
    const lead = makeLead(stamper('pool')(), { domain: 'claim-me.com' });
    await push(h, rep, newClientId(), [put('leads', lead)]);
    h.advance(3_600_000);
    const claimed = await h.call('POST', `/v1/leads/${lead.id}/claim`, undefined, rep.token);
    expect(claimed.json.lead).toMatchObject({ ownerId: rep.id, assignedAt: h.now().toISOString() });
  });
});
