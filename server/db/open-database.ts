import { resolve } from 'node:path';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';
import type { SqlDatabase } from './sql-database';

export const DEFAULT_DATA_DIR = resolve('server/data');

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in SIDECAR_DATA_DIR (server/data); migrated. */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<{ db: SqlDatabase; where: string }> {
  const url = env.DATABASE_URL;
  const db = url ? await openPostgresDatabase(url) : await openPgliteDatabase(env.SIDECAR_DATA_DIR ?? DEFAULT_DATA_DIR);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, where: url ? `PostgreSQL at ${new URL(url).host}` : `embedded database in ${env.SIDECAR_DATA_DIR ?? DEFAULT_DATA_DIR}` };
}
