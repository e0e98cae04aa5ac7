import { expect, it } from 'vitest';
import type { Queryable, SqlDatabase } from '../../server/db/sql-database';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeActivity, makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';
import { WRITE_PART } from '../../server/sync/push';

/**
 * The database, except that a statement matching `fault.when` inside a transaction fails once, as a dropped
 * connection would (before it reaches the database); `fault.skip` matching statements run first.
 */
function failingAt(db: SqlDatabase, fault: { when: RegExp | null; skip?: number }): SqlDatabase {
  return {
    ...db,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: (work) =>
      db.transaction((tx) => {
        const flaky: Queryable = {
          query: async (sql, params) => {
            if (fault.when?.test(sql) && !(fault.skip && fault.skip-- > 0)) {
              fault.when = null;
              throw new Error('connection terminated unexpectedly (injected)');
            }
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
          // The pipelined commit too, failing the same way (the tests' statements are not all the last one).
          ...(tx.queryAndCommit
            ? {
                queryAndCommit: async (sql: string, params?: readonly unknown[]) => {
                  if (fault.when?.test(sql) && !(fault.skip && fault.skip-- > 0)) {
                    fault.when = null;
                    throw new Error('connection terminated unexpectedly (injected)');
                  }
                  return tx.queryAndCommit!(sql, params);
                },
              }
            : {}),
        };
        return work(flaky);
      }),
  };
}

describeEachBackend('faults in the middle of a push', (backend) => {
  const database = useMigratedDatabase(backend);

  const fault: { when: RegExp | null; skip?: number } = { when: null };

  it('a push cut off half-way writes nothing, answers 500 with a code, and succeeds when retried', async () => {
    const h = createHarness(failingAt(database(), fault));
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const leads = Array.from({ length: 4 }, (_, i) => makeLead(clock(), { domain: `f${i}.com` }));
    const activity = makeActivity(clock(), leads[0]!.id, { ownerId: users[0]!.id });
    const client = newClientId();
    const batch = [...leads.map((lead) => put('leads', lead)), put('activities', activity)];
    // The connection drops as the push writes its records and the client's last mutation id (one statement).
    fault.when = /INSERT INTO clients/;
    const failed = await push(h, users[0]!, client, batch);
    expect(failed.status).toBe(500);
    expect(failed.json.error).toEqual({ code: 'internal', message: expect.stringMatching(/nothing was saved/) });
    expect((await pullAll(h, users[0]!)).records.size).toBe(0);
    const retried = await push(h, users[0]!, client, batch);
    expect(retried.json.results.every((r: any) => r.status === 'applied' && !r.replayed)).toBe(true);
    expect((await pullAll(h, users[0]!)).records.size).toBe(5);
  });

  it('a large push whose records are written in parts keeps none of them when one part fails, and succeeds when retried', async () => {
    const h = createHarness(failingAt(database(), fault));
    const { users } = await h.team(['rep']);
    const clock = stamper('b');
    const leads = Array.from({ length: WRITE_PART * 3 + 5 }, (_, i) => makeLead(clock(), { domain: `part${i}.com`, ownerId: users[0]!.id }));
    const client = newClientId();
    const batch = leads.map((lead) => put('leads', lead));
    // The first part reaches the database; the second is lost on the way, while the ones after it go through.
    fault.when = /INSERT INTO records/;
    fault.skip = 1;
    const failed = await push(h, users[0]!, client, batch);
    expect(failed.status).toBe(500);
    expect(fault.when).toBeNull();
    expect((await pullAll(h, users[0]!)).records.size).toBe(0);
    const retried = await push(h, users[0]!, client, batch);
    expect(retried.status).toBe(200);
    expect(retried.json.results.every((r: any) => r.status === 'applied' && !r.replayed)).toBe(true);
    const stored = (await pullAll(h, users[0]!)).records;
    expect([...stored.keys()].sort()).toEqual(leads.map((lead) => lead.id).sort());
  });
});
