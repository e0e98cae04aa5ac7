import Dexie, { type Table, type Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Lead, TeamSettings } from '../schema';
import type { ConflictNotice, MutationBody, OutboxEntry, RejectionNotice, SyncState, SyncStore, SyncStoreTx } from '../sync';
import type { AnySyncRecord, SyncTable } from '../sync/tables';
import type { LeadRow, SidecarDatabase } from './database';
import type { ConflictRow, OutboxRow, RejectionRow, SyncMetaRow } from './sync-rows';
import { toRow } from './lead-store';
import { markServerApply } from './sync-capture';
import { SYNC_BOOKKEEPING_TABLES, SYNCED_TABLES, withoutLocalFields } from './sync-rows';

export interface DexieSyncStoreOptions {
  /** Called after a transaction that stored new team settings from the server has committed. */
  onTeamSettings?: (settings: TeamSettings) => Promise<void> | void;
}

const INITIAL_STATE: Omit<SyncState, 'clientId'> = { checkpoint: 0, lastSyncAt: null, failures: 0, retryAt: null, lastError: null };

/**
 * lib/sync's SyncStore over the extension's IndexedDB. Each `transaction()` is one read-write Dexie
 * transaction over the synced tables and the sync bookkeeping, marked as the sync engine's own so that the
 * records it writes are not queued back to the server. Record writes are buffered and stored in bulk at the
 * end of the step (an initial pull writes thousands of leads); reads see the buffer first.
 */
export class DexieSyncStore implements SyncStore {
  constructor(
    private readonly db: SidecarDatabase,
    private readonly options: DexieSyncStoreOptions = {},
  ) {}

  async transaction<T>(work: (tx: SyncStoreTx) => Promise<T>): Promise<T> {
    const { db } = this;
    let settings: TeamSettings | null = null;
    const tables = [...SYNCED_TABLES, ...SYNC_BOOKKEEPING_TABLES].map((name) => db.table(name));
    const result = await db.transaction('rw', tables, async (trans) => {
      markServerApply(trans.idbtrans);
      const bound = boundTables(trans);
      const writes = new WriteBuffer(bound);
      const tx = dexieTx(bound, writes, (next) => (settings = next));
      const value = await work(tx);
      await writes.flush();
      return value;
    });
    if (settings) await this.options.onTeamSettings?.(settings);
    return result;
  }

  /** The state outside a sync step, for the popup. */
  async status(): Promise<{ state: SyncState; pending: number; rejections: number; conflicts: number }> {
    const { db } = this;
    return db.transaction('rw', [db.syncMeta, db.outbox, db.syncRejections, db.syncConflicts], async (trans) => ({
      state: await loadState(boundTables(trans)),
      pending: await db.outbox.count(),
      rejections: await db.syncRejections.count(),
      conflicts: await db.syncConflicts.count(),
    }));
  }
}

/**
 * The transaction's tables, bound to it. The sync engine awaits many plain promises between database calls (one
 * per pulled record); Dexie follows its transaction across those only for a while, so every call names it.
 */
interface BoundTables {
  outbox: Table<OutboxRow, number>;
  syncMeta: Table<SyncMetaRow, string>;
  syncRejections: Table<RejectionRow, number>;
  syncConflicts: Table<ConflictRow, number>;
  records(table: SyncTable): Table<AnySyncRecord, string>;
  leads: Table<LeadRow, string>;
}

function boundTables(trans: Transaction): BoundTables {
  return {
    outbox: trans.table('outbox'),
    syncMeta: trans.table('syncMeta'),
    syncRejections: trans.table('syncRejections'),
    syncConflicts: trans.table('syncConflicts'),
    records: (table) => trans.table(table),
    leads: trans.table('leads'),
  };
}

async function loadState(db: BoundTables): Promise<SyncState> {
  const row = await db.syncMeta.get('state');
  if (row?.key === 'state') return row.value;
  // Made once per installation; mutation ids count up per client id.
  const state: SyncState = { clientId: `ext-${uuidv7().replaceAll('-', '')}`, ...INITIAL_STATE };
  await db.syncMeta.put({ key: 'state', value: state });
  return state;
}

function dexieTx(db: BoundTables, writes: WriteBuffer, onSettings: (settings: TeamSettings) => void): SyncStoreTx {
  /** Outbox rows as the server gets them: records queued by reference (an import) are read as stored now. */
  async function asSent(rows: OutboxRow[]): Promise<OutboxEntry[]> {
    // A table at a time; a record that is gone has nothing left to send.
    const stored = new Map<string, AnySyncRecord | undefined>();
    for (const table of SYNCED_TABLES) {
      const ids = rows.flatMap(({ mutation }) => (mutation.op === 'putStored' && mutation.table === table ? [mutation.id] : []));
      if (ids.length === 0) continue;
      const records = await writes.getMany(table, ids);
      ids.forEach((id, i) => stored.set(`${table}:${id}`, records[i]));
    }
    return rows.flatMap(({ mutationId, mutation }): OutboxEntry[] => {
      if (mutation.op !== 'putStored') return [{ mutationId: mutationId!, mutation }];
      const record = stored.get(`${mutation.table}:${mutation.id}`);
      return record ? [{ mutationId: mutationId!, mutation: { op: 'put', table: mutation.table, record: record as unknown as Record<string, unknown> } }] : [];
    });
  }

  return {
    getRecord: (table, id) => writes.get(table, id),
    putRecord: async (table, record) => writes.put(table, record),
    deleteRecord: async (table, id) => writes.delete(table, id),
    clearTable: (table) => writes.clear(table),
    async pendingMutations(limit = Infinity): Promise<OutboxEntry[]> {
      // Read a batch at a time after an import of thousands: reading the whole outbox for each push of 100
      // made the first sync after a big import quadratic. Entries whose record is gone are skipped, so the
      // read goes on until it has `limit` entries or the outbox ends.
      const entries: OutboxEntry[] = [];
      let after = 0;
      for (;;) {
        const from = db.outbox.where('mutationId').above(after);
        const rows = await (limit === Infinity ? from : from.limit(limit - entries.length)).toArray();
        entries.push(...(await asSent(rows)));
        // A read without a limit took the whole outbox at once.
        if (rows.length === 0 || limit === Infinity || entries.length >= limit) return entries;
        after = rows[rows.length - 1]!.mutationId!;
      }
    },
    appendMutation: async (mutation: MutationBody) => (await db.outbox.add({ mutation })) as number,
    replaceMutation: async (entry) => void (await db.outbox.put({ mutationId: entry.mutationId, mutation: entry.mutation })),
    removeMutationsUpTo: async (upTo) => void (await db.outbox.where('mutationId').belowOrEqual(upTo).delete()),
    getState: () => loadState(db),
    async setState(patch) {
      const state = await loadState(db);
      await db.syncMeta.put({ key: 'state', value: { ...state, ...patch } });
    },
    addRejections: async (notices: RejectionNotice[]) => void (await db.syncRejections.bulkAdd(notices)),
    addConflicts: async (notices: ConflictNotice[]) => void (await db.syncConflicts.bulkAdd(notices)),
    async setTeamSettings(settings) {
      await db.syncMeta.put({ key: 'teamSettings', value: settings });
      onSettings(settings);
    },
  };
}

/** Record writes of one sync step, kept until its end and then stored with one bulk write per table. */
class WriteBuffer {
  private readonly pending = new Map<SyncTable, Map<string, AnySyncRecord | null>>();

  constructor(private readonly db: BoundTables) {}

  private of(table: SyncTable): Map<string, AnySyncRecord | null> {
    let map = this.pending.get(table);
    if (!map) this.pending.set(table, (map = new Map()));
    return map;
  }

  async get(table: SyncTable, id: string): Promise<AnySyncRecord | undefined> {
    const buffered = this.of(table).get(id);
    if (buffered !== undefined) return buffered === null ? undefined : buffered;
    const row = await this.db.records(table).get(id);
    return row && withoutLocalFields(table, row);
  }

  async getMany(table: SyncTable, ids: readonly string[]): Promise<Array<AnySyncRecord | undefined>> {
    const buffer = this.of(table);
    const rows = await this.db.records(table).bulkGet(ids.filter((id) => !buffer.has(id)));
    let next = 0;
    return ids.map((id) => {
      const buffered = buffer.get(id);
      if (buffered !== undefined) return buffered === null ? undefined : buffered;
      const row = rows[next++];
      return row && withoutLocalFields(table, row);
    });
  }

  // Not copied: the engine builds a new object for every write (copying a page of leads cost more than storing it).
  put(table: SyncTable, record: AnySyncRecord): void {
    this.of(table).set(record.id, record);
  }

  delete(table: SyncTable, id: string): void {
    this.of(table).set(id, null);
  }

  async clear(table: SyncTable): Promise<void> {
    this.of(table).clear();
    await this.db.records(table).clear();
  }

  async flush(): Promise<void> {
    for (const [table, records] of this.pending) {
      const deletes = [...records].filter(([, record]) => record === null).map(([id]) => id);
      const puts = [...records.values()].filter((record): record is AnySyncRecord => record !== null);
      if (deletes.length) await this.db.records(table).bulkDelete(deletes);
      if (table === 'leads') await putLeads(this.db.leads, puts as Lead[]);
      else if (puts.length) await this.db.records(table).bulkPut(puts);
    }
    this.pending.clear();
  }
}

/**
 * Pulled leads get their local index keys. The server keeps one live lead per company; when it merged a lead
 * of this device into another, the survivor can arrive before the tombstone that frees its domain (the
 * unique index), so a lead that still holds it here gives it up: the server's copy of that lead follows.
 */
async function putLeads(leads: Table<LeadRow, string>, records: Lead[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map(toRow);
  try {
    await leads.bulkPut(rows);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    for (const index of Object.keys(error.failuresByPos).map(Number)) await putTakingDomain(leads, rows[index]!);
  }
}

async function putTakingDomain(leads: Table<LeadRow, string>, row: LeadRow): Promise<void> {
  if (row.domain) {
    const holder = await leads.get({ domain: row.domain });
    if (holder && holder.id !== row.id) await leads.put({ ...holder, domain: null });
  }
  await leads.put(row);
}
