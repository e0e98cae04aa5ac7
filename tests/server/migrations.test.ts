import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate';
import type { SqlDatabase } from '../../server/db/sql-database';
import { describeEachBackend } from './backends';

describeEachBackend('database migrations', (backend) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await backend.open();
  }, 120_000);
  afterAll(() => db.close());

  it('applies every numbered migration once and records it', async () => {
    const all = loadMigrations().map((m) => m.version);
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => Number(row.version))).toEqual(all);
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['teams', 'users', 'tokens', 'records', 'conflicts', 'clients']));
  });

  it('rolls a failing migration back entirely, leaving nothing half-applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecar-mig-'));
    const existing = loadMigrations();
    existing.forEach((m) => writeFileSync(join(dir, `${String(m.version).padStart(3, '0')}_${m.name}.sql`), m.sql));
    const next = String(existing.length + 1).padStart(3, '0');
    writeFileSync(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (x int); SELECT * FROM no_such_table;');
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow();
    const half = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'half_done'`);
    expect(half).toEqual([]);
    const recorded = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(Number(recorded[0]!.n)).toBe(existing.length);
  });
});

it('refuses migration files that skip a number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-mig-'));
  writeFileSync(join(dir, '001_a.sql'), 'SELECT 1');
  writeFileSync(join(dir, '003_c.sql'), 'SELECT 1');
  expect(() => loadMigrations(dir)).toThrow(/without gaps/);
});
