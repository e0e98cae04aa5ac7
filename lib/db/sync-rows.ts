import type { TeamSettings } from '../schema';
import type { ConflictNotice, MutationBody, RejectionNotice, SyncState } from '../sync';
import type { SyncTable } from '../sync/tables';

/** The tables whose records the team backend shares; every local write to them is queued for it. */
export const SYNCED_TABLES: readonly SyncTable[] = ['leads', 'contacts', 'activities', 'tasks'];
export const isSyncedTable = (name: string): name is SyncTable => (SYNCED_TABLES as readonly string[]).includes(name);

/** The tables a sync step reads and writes, besides the synced records. */
export const OUTBOX_TABLE = 'outbox';
export const SYNC_BOOKKEEPING_TABLES = [OUTBOX_TABLE, 'syncMeta', 'syncRejections', 'syncConflicts'] as const;

/**
 * A queued mutation; the key is auto-incremented, so an id is never reused, even after the outbox empties. A
 * bulk add (an import) queues each new record by reference, to be read back when it is pushed: an import then
 * stores each lead once, not once more in the outbox (dexie-sync-store.ts resolves it).
 */
export interface OutboxRow {
  mutationId?: number;
  mutation: MutationBody | StoredRecordPut;
}

/** "Put the record as it is stored when this is pushed": the queued form of a record added in bulk. */
export interface StoredRecordPut {
  op: 'putStored';
  table: SyncTable;
  id: string;
}

/** One row per key: the sync state ('state') and the team settings the server sent last ('teamSettings'). */
export type SyncMetaRow = { key: 'state'; value: SyncState } | { key: 'teamSettings'; value: TeamSettings };

export type RejectionRow = RejectionNotice & { id?: number };
export type ConflictRow = ConflictNotice & { id?: number };

/** Lead rows carry local-only index keys (lib/db toRow); they never leave the device. */
const LOCAL_ONLY_FIELDS: Partial<Record<SyncTable, readonly string[]>> = { leads: ['searchKeys', 'nameKeys', 'poolRank'] };

export function withoutLocalFields<T extends object>(table: SyncTable, row: T): T {
  const local = LOCAL_ONLY_FIELDS[table];
  if (!local) return row;
  const copy = { ...row } as Record<string, unknown>;
  for (const field of local) delete copy[field];
  return copy as T;
}
