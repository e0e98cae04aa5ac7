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

/** How the writer's transaction ends, for a cached lease written in it: committed, or rolled back. */
export interface TransactionEnd {
  onCommit(listener: () => void): void;
  onAbort(listener: () => void): void;
}

/** The current Dexie transaction's end (Dexie reports a failed scope as 'error' before 'abort' follows). */
export function dexieTransactionEnd(): TransactionEnd {
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('A lease must be written inside a transaction.');
  return {
    onCommit: (listener) => transaction.on('complete', listener),
    onAbort: (listener) => {
      let called = false;
      const once = () => {
        if (!called) (called = true), listener();
      };
      transaction.on('error', once);
      transaction.on('abort', once);
    },
  };
}
