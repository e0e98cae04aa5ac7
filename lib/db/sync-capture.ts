import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import { tablesOnce } from './tables-once';
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
      const below: DBCore = { ...down, table: tablesOnce((name) => down.table(name)) };
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.some(isSyncedTable) && !stores.includes(OUTBOX_TABLE) && hasOutbox(down) ? [...stores, OUTBOX_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table: tablesOnce((name) => {
          const table = below.table(name);
          if (!isSyncedTable(name)) return table;
          return { ...table, mutate: (req) => capture(db, below, table, name, req) };
        }),
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
  const values = req.values as AnySyncRecord[];
  // An add has no stored copy, and a writer that read the stored copy in this transaction says so: then the
  // mutations are known before the write and go out with it, and a save pays no round trip for its outbox row.
  const known = req.type === 'add' ? values.map(() => undefined) : storedCopiesOf(values);
  if (known) {
    // Many records added at once (an import) are queued by reference: the outbox would otherwise hold each twice.
    const queued = req.type === 'add' && values.length >= BULK_ADD ? byReference(name, values) : mutationsOf(name, known, values);
    const [result, added] = await Promise.all([table.mutate(req), queued.length ? outboxAdd(core, trans, queued.map(({ row }) => row)) : undefined]);
    // A record the store refused (a unique index) must not be sent: its queued row goes again.
    const refused = queued.flatMap(({ index }, position) => (result.failures[index] ? [added!.results![position]] : []));
    if (refused.length) await core.table(OUTBOX_TABLE).mutate({ type: 'delete', trans, keys: refused });
    if (queued.length > refused.length) notifyOnCommit(db, trans);
    return result;
  }
  const keys = req.keys ?? values.map((value) => value.id);
  // Requests of one transaction run in the order they are made, so the read sees the copies as they were
  // before this write even though both are sent at once: the save pays one round trip here, not two.
  const [before, result] = await Promise.all([table.getMany({ trans, keys }) as Promise<Array<AnySyncRecord | undefined>>, table.mutate(req)]);
  const queued = mutationsOf(name, before, values).filter(({ index }) => !result.failures[index]);
  if (queued.length) {
    await outboxAdd(core, trans, queued.map(({ row }) => row));
    notifyOnCommit(db, trans);
  }
  return result;
}

/** From this many records, an add queues them by reference (OutboxRow). */
const BULK_ADD = 50;

/** Outbox rows that send each added record as it is stored when it is pushed. */
function byReference(name: SyncTable, values: readonly AnySyncRecord[]): Array<{ index: number; row: OutboxRow }> {
  return values.map((value, index) => ({ index, row: { mutation: { op: 'putStored', table: name, id: value.id } } }));
}

/** The outbox rows that bring the server from each stored copy to the value written over it. */
function mutationsOf(name: SyncTable, before: ReadonlyArray<AnySyncRecord | undefined>, values: readonly AnySyncRecord[]): Array<{ index: number; row: OutboxRow }> {
  const rows: Array<{ index: number; row: OutboxRow }> = [];
  values.forEach((value, index) => {
    const previous = before[index] && withoutLocalFields(name, before[index]);
    const mutation = mutationFor(name, previous, withoutLocalFields(name, value));
    if (mutation) rows.push({ index, row: { mutation } });
  });
  return rows;
}

function outboxAdd(core: DBCore, trans: DBCoreTransaction, rows: OutboxRow[]) {
  return core.table(OUTBOX_TABLE).mutate({ type: 'add', trans, values: rows });
}

/**
 * The copies a writer read in its own transaction and is writing over (keyed by the object it writes), so that
 * the outbox needs no read of them. Only for a copy read in the same read-write transaction: anything else could
 * be out of date, and the mutation sent would then miss a field.
 */
const storedCopies = new WeakMap<object, AnySyncRecord | undefined>();

export function writesOver<T extends object>(value: T, storedCopy: AnySyncRecord | undefined): T {
  storedCopies.set(value, storedCopy);
  return value;
}

function storedCopiesOf(values: readonly AnySyncRecord[]): Array<AnySyncRecord | undefined> | null {
  if (!values.every((value) => storedCopies.has(value))) return null;
  return values.map((value) => storedCopies.get(value));
}

function notifyOnCommit(db: Dexie, trans: Partial<IDBTransaction>): void {
  if (notifiedOnCommit.has(trans) || typeof trans.addEventListener !== 'function') return;
  notifiedOnCommit.add(trans);
  trans.addEventListener('complete', () => {
    for (const listener of listeners.get(db) ?? []) listener();
  });
}
