import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Queryable, SqlDatabase } from './sql-database';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

const wrap = (target: PGlite | Transaction): Queryable => ({
  async query<Row>(sql: string, params: readonly unknown[] = []) {
    return (await target.query<Row>(sql, params as unknown[])).rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/**
 * Embedded PostgreSQL (PGlite). It is one connection in one process, so a data folder is guarded by a lock
 * file; `dataDir` undefined keeps the database in memory (tests).
 */
export async function openPgliteDatabase(dataDir?: string): Promise<SqlDatabase> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = acquireDataDirLock(dataDir);
  let pg: PGlite;
  try {
    pg = new PGlite(dataDir);
    await pg.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
