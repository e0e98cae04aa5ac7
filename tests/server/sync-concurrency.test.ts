import { expect, it } from 'vitest';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

// On PostgreSQL these pushes really overlap (the pool has several connections), so a push reads while another
// of the team commits: what it read must not be stale, or an edit or an acknowledgement is lost.
describeEachBackend('pushes of one team at the same time', (backend) => {
  const database = useMigratedDatabase(backend);

  it('reps editing different fields of one lead at once all keep their edits', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'manager', 'manager', 'manager']);
    const lead = makeLead(stamper('origin')(), { domain: 'together.com' });
    expect((await push(h, users[0]!, newClientId(), [put('leads', lead)])).status).toBe(200);
    const edits = [
      { description: 'first rep was here' },
      { industry: 'Robotics' },
      { region: 'Shanghai' },
      { needDescription: 'wants a pilot' },
      { painPoints: 'slow quotes' },
      { decisionTimeline: 'Q3' },
      { currentSolution: 'spreadsheets' },
      { legalName: 'Acme Robotics Ltd.' },
    ];
    const answers = await Promise.all(
      edits.map((fields, i) => {
        const clock = stamper(`device${i}`, Date.UTC(2026, 10, 1, 12));
        const versions = Object.fromEntries(Object.keys(fields).map((field) => [field, clock()]));
        return push(h, users[i % users.length]!, newClientId(), [{ op: 'patch', table: 'leads', id: lead.id, fields, versions }]);
      }),
    );
    expect(answers.map((answer) => [answer.status, answer.json.results?.[0]?.status])).toEqual(edits.map(() => [200, 'applied']));
    expect((await pullAll(h, users[0]!)).records.get(lead.id)).toMatchObject(Object.assign({}, ...edits));
  });

  it('a batch sent several times at once (a retry racing the first try) is applied once and acknowledged every time', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const client = newClientId();
    const good = makeLead(clock(), { domain: 'once.com' });
    const bad = { ...makeLead(clock(), { domain: 'never.com' }), stage: 'dreaming' };
    const batch = [put('leads', good), { op: 'put' as const, table: 'leads' as const, record: bad }];
    const answers = await Promise.all(Array.from({ length: 4 }, () => push(h, users[0]!, client, batch)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((answer) => !answer.json.results[0].replayed)).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.json.lastMutationId).toBe(2);
      expect(answer.json.results.map((r: any) => r.status)).toEqual(['applied', 'rejected']);
    }
    expect([...(await pullAll(h, users[0]!)).records.keys()]).toEqual([good.id]);
  });

  it('a batch that is only refused, sent several times at once, is refused once and replayed the rest', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const client = newClientId();
    const bad = { ...makeLead(stamper('a')(), { domain: 'nope.com' }), stage: 'dreaming' };
    const answers = await Promise.all(Array.from({ length: 4 }, () => push(h, users[0]!, client, [{ op: 'put', table: 'leads', record: bad }])));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((answer) => answer.json.results[0].replayed).sort()).toEqual([false, true, true, true]);
    for (const answer of answers) expect(answer.json.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'invalid_record' } });
  });
});
