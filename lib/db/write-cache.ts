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

/** Registers a listener for the rollback of the transaction a cached value was written in. */
export type OnAbort = (listener: () => void) => void;

/** The current Dexie transaction's rollback (Dexie reports a failed scope as 'error' before 'abort' follows). */
export const onDexieAbort: OnAbort = (listener) => {
  const transaction = Dexie.currentTransaction;
  if (!transaction) return;
  transaction.on('error', listener);
  transaction.on('abort', listener);
};

/**
 * Forgets a cached value if its transaction aborts: its write never reached the disk, so the next writer must
 * read what is really stored. A value read again meanwhile (the abort event can come after the next save has
 * started) was read after the rollback and stays.
 */
export function forgetOnAbort(db: SidecarDatabase, key: string, onAbort: OnAbort = onDexieAbort): void {
  const cache = cacheOf(db);
  const value = cache.get(key);
  onAbort(() => {
    if (cache.get(key) === value) cache.delete(key);
  });
}
