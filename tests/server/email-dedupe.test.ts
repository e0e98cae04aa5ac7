import { expect, it } from 'vitest';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness, type TestUser } from './harness';
import { makeActivity, makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

const EMAIL_KEY = 'email:v1:gmail:thread-18c2f8d1:msg-18c3012c7f9e3a10';

describeEachBackend('one email, one activity, team-wide', (backend) => {
  const database = useMigratedDatabase(backend);

  it('two reps logging the same email keep one activity; the second rep’s different summary is kept in its history', async () => {
    const h = createHarness(database());
    const [alice, bob] = (await h.team(['rep', 'rep'])).users as [TestUser, TestUser];
    const lead = makeLead(stamper('pool')(), { domain: 'acme-gmbh.de' });
    await push(h, alice, newClientId(), [put('leads', lead)]);
    const first = makeActivity(stamper('alice', Date.UTC(2026, 10, 2, 7))(), lead.id, { ownerId: alice.id, externalKey: EMAIL_KEY, channel: 'email', summary: 'Quote 10% over budget' });
    const second = makeActivity(stamper('bob', Date.UTC(2026, 10, 2, 8))(), lead.id, { ownerId: bob.id, externalKey: EMAIL_KEY, channel: 'email', summary: 'Wants the PDF with their PO number' });
    await push(h, alice, newClientId(), [put('activities', first)]);
    const pushed = await push(h, bob, newClientId(), [put('activities', second)]);
    expect(pushed.json.results[0].status).toBe('applied');

    const { records } = await pullAll(h, alice);
    const live = [...records.values()].filter((r) => r.externalKey === EMAIL_KEY && r.deletedAt === null);
    expect(live.map((r) => r.id)).toEqual([first.id]);
    // The later summary wins the field (its stamp is later); the first logger stays the owner.
    expect(live[0]).toMatchObject({ summary: 'Wants the PDF with their PO number', ownerId: alice.id, leadId: lead.id });
    expect(records.get(second.id).deletedAt).not.toBeNull();
    const history = await h.call('GET', `/v1/records/${first.id}/history`, undefined, bob.token);
    expect(history.json.entries.map((e: { field: string; lostValue: unknown }) => [e.field, e.lostValue])).toEqual([['summary', 'Quote 10% over budget']]);
  });

  it('the same email twice in one batch folds into the first; activities without a key are left alone', async () => {
    const h = createHarness(database());
    const [rep] = (await h.team(['rep'])).users as [TestUser];
    const lead = makeLead(stamper('rep')(), { domain: 'globex.cn' });
    const s = stamper('rep', Date.UTC(2026, 10, 2, 8));
    const a = makeActivity(s(), lead.id, { externalKey: EMAIL_KEY });
    const b = makeActivity(s(), lead.id, { externalKey: EMAIL_KEY });
    const calls = [makeActivity(s(), lead.id), makeActivity(s(), lead.id)];
    await push(h, rep, newClientId(), [put('leads', lead), put('activities', a), put('activities', b), ...calls.map((c) => put('activities', c))]);
    const { records } = await pullAll(h, rep);
    const live = [...records.values()].filter((r) => r.leadId === lead.id && r.deletedAt === null);
    expect(live.map((r) => r.id).sort()).toEqual([a.id, ...calls.map((c) => c.id)].sort());
  });
});
