import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../server/db/data-dir-lock';
import { openPgliteDatabase } from '../../server/db/pglite-database';

it('a second server cannot open a data folder that one already holds, and can once it is released', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-lock-'));
  const first = acquireDataDirLock(dir);
  expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  first.release();
  acquireDataDirLock(dir).release();
});

it('takes over a lock left by a process that is gone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-lock-'));
  // pid 2^22+ is above Linux's pid_max default, so no live process has it.
  writeFileSync(join(dir, 'sidecar-server.lock'), JSON.stringify({ pid: 4_194_304 + 17, host: hostname() }));
  const lock = acquireDataDirLock(dir);
  lock.release();
});

it('opens an on-disk embedded database, keeps data across reopen, and locks it while open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-pglite-'));
  const db = await openPgliteDatabase(dir);
  await db.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)');
  await expect(openPgliteDatabase(dir)).rejects.toThrow(/in use by another Sidecar server/);
  await db.close();
  const again = await openPgliteDatabase(dir);
  expect(await again.query('SELECT x FROM kept')).toEqual([{ x: 42 }]);
  await again.close();
}, 90_000);
