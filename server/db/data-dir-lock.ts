import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(readonly path: string, readonly holder: string) {
    super(`the data folder is in use by another Sidecar server (${holder}); stop that one first, or give this one its own folder with SIDECAR_DATA_DIR (if no server is running, delete ${path})`);
  }
}

const LOCK_FILE = 'sidecar-server.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one connection in one process: two servers opening one folder would corrupt it. The lock file
 * holds the owner's pid and host; a lock left by a process that died (same host, pid gone) is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      const stale = holder !== null && holder.host === hostname() && !isAlive(holder.pid);
      if (!stale) throw new DataDirLockedError(path, holder ? `pid ${holder.pid} on ${holder.host}` : 'unreadable lock file');
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(path, 'another process took the lock while a stale one was cleared');
}

function readHolder(path: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null;
  }
}
