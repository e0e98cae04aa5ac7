import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import { mutationFor } from '../sync/local-change';
import type { AnySyncRecord, SyncTable } from '../sync/tables';
import { isSyncedTable, OUTBOX_TABLE, withoutLocalFields, type OutboxRow } from './sync-rows';

/**
 * Transactions of the sync engine itself: it writes records the server sent, which must not be queued to go
 * back to the server. Keyed by the IndexedDB transaction, so the mark ends with it.
 */
const applyingServerChanges = new WeakSet<object>();
const notifiedOnCommit = new WeakSet<object>();
const listeners = new WeakMap<Dexie, Set<() => void>>();

export function markServerApply(trans: object): void {
  applyingServerChanges.add(trans);
}

/** Called after each committed transaction that queued local changes (the scheduler pushes soon after). */
export function onLocalChangesQueued(db: Dexie, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Queues every local write to a synced table as an outbox mutation in the same transaction, whichever
 * store made it (LeadStore, TaskStore, the touch log...): a write transaction on a synced table is widened
 * to include the outbox, and each put reads the stored copy first so that only the changed fields are sent
 * (lib/sync mutationFor). Both are committed together or not at all.
 */
export function installChangeCapture(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-sync-capture',
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.some(isSyncedTable) && !stores.includes(OUTBOX_TABLE) && hasOutbox(down) ? [...stores, OUTBOX_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!isSyncedTable(name)) return table;
          return { ...table, mutate: (req) => capture(db, down, table, name, req) };
        },
      };
    },
  });
}

function hasOutbox(core: DBCore): boolean {
  return core.schema.tables.some((table) => table.name === OUTBOX_TABLE);
}

async function capture(db: Dexie, core: DBCore, table: DBCoreTable, name: SyncTable, req: DBCoreMutateRequest) {
  const trans = req.trans as DBCoreTransaction & Partial<IDBTransaction>;
  // Upgrades queue what they move themselves (upgrade-v5), and hard deletes are never made on synced tables.
  if ((req.type !== 'put' && req.type !== 'add') || trans.mode === 'versionchange' || applyingServerChanges.has(trans) || !hasOutbox(core)) {
    return table.mutate(req);
  }
  const keys = req.keys ?? req.values.map((value: { id?: unknown }) => value.id);
  // Requests of one transaction run in the order they are made, so the read sees the copies as they were
  // before this write even though both are sent at once: a save pays one round trip here, not two.
  const [before, result] = await Promise.all([
    req.type === 'put' ? (table.getMany({ trans, keys }) as Promise<Array<AnySyncRecord | undefined>>) : keys.map(() => undefined),
    table.mutate(req),
  ]);
  const mutations: OutboxRow[] = [];
  req.values.forEach((value, i) => {
    if (result.failures[i]) return;
    const previous = before[i] && withoutLocalFields(name, before[i]);
    const mutation = mutationFor(name, previous, withoutLocalFields(name, value as AnySyncRecord));
    if (mutation) mutations.push({ mutation });
  });
  if (mutations.length) {
    await core.table(OUTBOX_TABLE).mutate({ type: 'add', trans, values: mutations });
    notifyOnCommit(db, trans);
  }
  return result;
}

function notifyOnCommit(db: Dexie, trans: Partial<IDBTransaction>): void {
  if (notifiedOnCommit.has(trans) || typeof trans.addEventListener !== 'function') return;
  notifiedOnCommit.add(trans);
  trans.addEventListener('complete', () => {
    for (const listener of listeners.get(db) ?? []) listener();
  });
}
