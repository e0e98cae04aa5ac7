import { SidecarDatabase, toRow } from '@/lib/db';
import { CoreTransaction } from '@/lib/db/core-transaction';
import { newLeadFromCapture } from '@/lib/leads';
import { makeCapture } from '../../helpers/make-capture';

let databaseCounter = 0;
const freshDb = () => new SidecarDatabase(`core-transaction-test-${++databaseCounter}`);
const leadRow = (id: string) =>
  toRow(newLeadFromCapture({ id, code: 'LX2026001', capture: makeCapture(), stamp: '1763892000000-0000-a1b2c3d4e5f60718', now: '2026-11-23T10:00:00.000Z', ownerId: null }));

describe('a transaction on Dexie core (the save path)', () => {
  it("writes through the app's layers: the outbox row, the score mark and the pool key come with the lead", async () => {
    const db = freshDb();
    const row = leadRow('01900000-0000-7000-8000-000000000001');
    await CoreTransaction.run(db, ['leads'], (tx) => tx.write('leads', 'add', [row]));
    expect((await db.leads.get(row.id))?.poolRank).toMatch(/^5/);
    expect((await db.outbox.toArray()).map((queued) => queued.mutation)).toMatchObject([{ op: 'put', table: 'leads', record: { id: row.id } }]);
    expect((await db.staleFacts.toArray()).flatMap((mark) => mark.leadIds)).toEqual([row.id]);
  });

  it('a write that fails rolls back every write before it, and the caller sees that failure', async () => {
    const db = freshDb();
    const first = leadRow('01900000-0000-7000-8000-000000000001');
    const sameDomain = leadRow('01900000-0000-7000-8000-000000000002');
    const attempt = CoreTransaction.run(db, ['leads', 'meta'], async (tx) => {
      await tx.write('meta', 'put', [{ key: 'marker', value: 1 }]);
      await tx.write('leads', 'add', [first]);
      await tx.write('leads', 'add', [sameDomain]);
    });
    await expect(attempt).rejects.toThrow(/constraint|unique|exists/i);
    expect(await db.leads.count()).toBe(0);
    expect(await db.meta.get('marker')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.staleFacts.count()).toBe(0);
  });

  it('an error in the work itself rolls back what it wrote', async () => {
    const db = freshDb();
    const attempt = CoreTransaction.run(db, ['leads'], async (tx) => {
      await tx.write('leads', 'add', [leadRow('01900000-0000-7000-8000-000000000001')]);
      throw new Error('the capture did not validate');
    });
    await expect(attempt).rejects.toThrow('did not validate');
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to start inside another transaction, where each would wait for the other', async () => {
    const db = freshDb();
    await db.open();
    const nested = db.transaction('rw', db.meta, () => CoreTransaction.run(db, ['leads'], async () => undefined));
    await expect(nested).rejects.toThrow('cannot run inside another transaction');
  });
});
