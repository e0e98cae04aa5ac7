import Dexie from 'dexie';
import type { SidecarDatabase } from './database';

/**
 * Values that the background keeps in memory between writes (the clock, the code sequences) so that a save
 * does not pay a read for them. Only the background holds the database, so its copy is the only writer; a
 * new database instance (a restarted service worker) starts from what is stored.
 */
const caches = new WeakMap<SidecarDatabase, Map<string, unknown>>();

export function cacheOf(db: SidecarDatabase): Map<string, unknown> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/**
 * Forgets a cached value if the current transaction aborts: its write never reached the disk, so the next
 * writer must read what is really stored.
 */
export function forgetOnAbort(db: SidecarDatabase, key: string): void {
  const transaction = Dexie.currentTransaction;
  if (!transaction) return;
  const forget = () => cacheOf(db).delete(key);
  // Dexie reports a failed scope as 'error' before the caller sees the rejection; 'abort' follows later.
  transaction.on('error', forget);
  transaction.on('abort', forget);
}
