import { expect, it } from 'vitest';
import { WRITE_PART } from '../../server/sync/push';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeContact, makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

// A batch larger than a part of the push's writes is stored in several statements of one transaction: these
// pin down that what a later mutation does to a record an earlier part wrote still lands, and that the batch
// still answers (and replays) as one.
describeEachBackend('a push written in parts', (backend) => {
  const database = useMigratedDatabase(backend);

  it('merges a later lead into the same company’s lead of an earlier part, refuses a bad record, and replays as one batch', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const rep = users[0]!;
    const clock = stamper('parts');
    const leads = Array.from({ length: WRITE_PART * 3 }, (_, i) => makeLead(clock(), { ownerId: rep.id, domain: `part-${i}.example` }));
    const first = makeLead(clock(), { ownerId: rep.id, domain: 'acme.example', name: 'Acme' });
    const again = makeLead(clock(), { ownerId: rep.id, domain: 'acme.example', name: 'Acme GmbH', description: 'Clipped again later' });
    const contact = makeContact(clock(), again.id, { ownerId: rep.id });
    const unknownField = { ...makeLead(clock(), { ownerId: rep.id, domain: 'bad.example' }), color: 'red' };
    // The same company early (first part) and late (last part), its contact after it, a bad record in between.
    const batch = [
      ...leads.slice(0, 2).map((lead) => put('leads', lead)),
      put('leads', first),
      ...leads.slice(2, WRITE_PART + 1).map((lead) => put('leads', lead)),
      put('leads', unknownField as never),
      ...leads.slice(WRITE_PART + 1).map((lead) => put('leads', lead)),
      put('leads', again),
      put('contacts', contact),
    ];
    const client = newClientId();
    const pushed = await push(h, rep, client, batch);
    expect(pushed.status).toBe(200);
    const results = pushed.json.results as any[];
    expect(results).toHaveLength(batch.length);
    const byId = (id: string) => results[batch.findIndex((m) => (m as any).record.id === id)];
    expect(byId(again.id)).toMatchObject({ status: 'applied', redirect: { from: again.id, to: first.id } });
    expect(byId(unknownField.id)).toMatchObject({ status: 'rejected', rejection: { code: 'invalid_record', message: expect.stringMatching(/color/) } });
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(batch.length - 1);

    const stored = await pullAll(h, rep);
    expect(stored.records.get(first.id)).toMatchObject({ deletedAt: null, domain: 'acme.example' });
    expect(stored.records.get(again.id)).toMatchObject({ mergedInto: first.id, deletedAt: expect.any(String) });
    expect(stored.records.get(contact.id)).toMatchObject({ leadId: first.id });
    expect(stored.records.has(unknownField.id)).toBe(false);
    for (const lead of leads) expect(stored.records.get(lead.id)).toMatchObject({ id: lead.id, teamId: rep.teamId, deletedAt: null });

    // The same batch again: every answer is a replay, and nothing is written twice.
    const replay = await push(h, rep, client, batch);
    expect(replay.json.results.map((r: any) => r.replayed)).toEqual(batch.map(() => true));
    expect(replay.json.results[results.indexOf(byId(unknownField.id))]).toMatchObject({ status: 'rejected', rejection: { code: 'invalid_record' } });
    expect(replay.json.results[results.indexOf(byId(again.id))]).toMatchObject({ status: 'applied', redirect: { from: again.id, to: first.id } });
    expect((await pullAll(h, rep, stored.checkpoint)).records.size).toBe(0);
  });
});
