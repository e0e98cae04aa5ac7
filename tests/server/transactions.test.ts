import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Queryable, SqlDatabase } from '../../server/db/sql-database';
import { describeEachBackend } from './backends';

// A push's transaction sends its BEGIN with its first statement and its COMMIT with its last (PostgreSQL
// pipelines them): a failing statement must still leave nothing written, and a good one everything.
describeEachBackend('transactions', (backend) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await backend.open();
    await db.exec('CREATE TABLE tx_notes (id int PRIMARY KEY, note text NOT NULL)');
  }, 120_000);
  afterAll(() => db.close());

  const notes = async () => (await db.query<{ id: number }>('SELECT id FROM tx_notes ORDER BY id')).map((row) => Number(row.id));
  const last = (tx: Queryable, sql: string, params: unknown[]) =>
    tx.queryAndCommit ? tx.queryAndCommit(sql, params, { reused: true }) : tx.query(sql, params, { reused: true });

  it('commits what the last statement and the ones before it wrote', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_notes VALUES ($1, $2)', [1, 'first']);
      await last(tx, 'INSERT INTO tx_notes VALUES ($1, $2)', [2, 'last']);
    });
    expect(await notes()).toEqual([1, 2]);
  });

  it('writes nothing when the last statement fails, and the connection is usable after', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_notes VALUES ($1, $2)', [3, 'before']);
        await last(tx, 'INSERT INTO tx_notes VALUES ($1, $2)', [4, null]);
      }),
    ).rejects.toThrow(/null/);
    expect(await notes()).toEqual([1, 2]);
    // The same prepared text again, now with good values: the failure left no half-prepared statement behind.
    await db.transaction((tx) => last(tx, 'INSERT INTO tx_notes VALUES ($1, $2)', [4, 'again']));
    expect(await notes()).toEqual([1, 2, 4]);
  });

  it('writes nothing when the first statement fails or the work throws', async () => {
    await expect(db.transaction((tx) => tx.query('INSERT INTO tx_notes VALUES ($1, $2)', [5, null]))).rejects.toThrow(/null/);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_notes VALUES ($1, $2)', [6, 'thrown away']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await notes()).toEqual([1, 2, 4]);
  });

  it('keeps transactions on different connections apart while both are open', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_notes VALUES ($1, $2)', [7, 'slow']);
      await held;
      await last(tx, 'UPDATE tx_notes SET note = $2 WHERE id = $1', [7, 'slow, done']);
    });
    // Not committed yet: nobody else sees it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (backend.name === 'postgres') expect(await notes()).toEqual([1, 2, 4]);
    release();
    await slow;
    expect(await notes()).toEqual([1, 2, 4, 7]);
  });
});
