import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { openPgliteDatabase } from '../../server/db/pglite-database';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import type { SqlDatabase } from '../../server/db/sql-database';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (not migrated); closing it removes what the test made. */
  open(): Promise<SqlDatabase>;
}

const pgliteBackend: Backend = { name: 'pglite', open: () => openPgliteDatabase() };

/** Each open() gets its own schema, dropped on close, so parallel and repeated runs never collide. */
function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const schema = `sidecar_test_${randomBytes(6).toString('hex')}`;
      const db = await openPostgresDatabase(url, { schema, maxConnections: 5 });
      return {
        ...db,
        async close() {
          await db.close();
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          try {
            await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await admin.end();
          }
        },
      };
    },
  };
}

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set. */
export const backends: Backend[] = [pgliteBackend, ...(process.env.TEST_DATABASE_URL ? [postgresBackend(process.env.TEST_DATABASE_URL)] : [])];

export async function openMigrated(backend: Backend): Promise<SqlDatabase> {
  const db = await backend.open();
  await migrate(db);
  return db;
}

/** One describe block per backend, named after it. */
export function describeEachBackend(title: string, body: (backend: Backend) => void): void {
  for (const backend of backends) describe(`${title} [${backend.name}]`, () => body(backend));
}

/** A migrated database shared by the tests of one describe block (each test makes its own team). */
export function useMigratedDatabase(backend: Backend): () => SqlDatabase {
  let db: SqlDatabase | undefined;
  beforeAll(async () => {
    db = await openMigrated(backend);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  }, 60_000);
  return () => {
    if (!db) throw new Error('the database did not open');
    return db;
  };
}
