import type { TeamSettings } from '../schema';
import type { ConflictNotice, Mutation } from './protocol';
import type { AnySyncRecord, SyncTable } from './tables';

/** A mutation as queued on the device, before the outbox gives it its id. */
export type MutationBody = Mutation extends infer M ? (M extends unknown ? Omit<M, 'mutationId'> : never) : never;

export interface OutboxEntry {
  mutationId: number;
  mutation: MutationBody;
}

/** A change the server refused: kept for the rep to see (and redo), since the local copy was reverted. */
export interface RejectionNotice {
  mutationId: number;
  mutation: MutationBody;
  code: string;
  message: string;
  at: string;
}

export interface SyncState {
  /** This installation's id, made once; mutation ids are monotonic per client id. */
  clientId: string;
  /** The server checkpoint this device has pulled up to. */
  checkpoint: number;
  lastSyncAt: string | null;
  /** Consecutive failed syncs and when to try again (exponential backoff), and the last error for the popup. */
  failures: number;
  retryAt: string | null;
  lastError: { code: string; message: string } | null;
}

/**
 * One transaction of the device's store: everything a sync step reads and writes in it is committed together
 * or not at all, so a service worker stopped mid-sync loses or doubles nothing. The Dexie store implements
 * it over its tables in one `db.transaction('rw', ...)`; lib/sync/memory-store.ts is the reference.
 */
export interface SyncStoreTx {
  getRecord(table: SyncTable, id: string): Promise<AnySyncRecord | undefined>;
  putRecord(table: SyncTable, record: AnySyncRecord): Promise<void>;
  /** Removes a record outright (a local create the server refused and never stored). */
  deleteRecord(table: SyncTable, id: string): Promise<void>;
  /** Removes every record of a table (before a full resync). */
  clearTable(table: SyncTable): Promise<void>;
  /** The outbox, oldest first; only its first `limit` entries when given (a push batch, not a whole import). */
  pendingMutations(limit?: number): Promise<OutboxEntry[]>;
  /** Queues a mutation with the next id (never reused, even after the outbox empties). */
  appendMutation(mutation: MutationBody): Promise<number>;
  replaceMutation(entry: OutboxEntry): Promise<void>;
  /** Drops acknowledged mutations: every id at or below `upTo`. */
  removeMutationsUpTo(upTo: number): Promise<void>;
  getState(): Promise<SyncState>;
  setState(patch: Partial<Omit<SyncState, 'clientId'>>): Promise<void>;
  addRejections(notices: RejectionNotice[]): Promise<void>;
  addConflicts(notices: ConflictNotice[]): Promise<void>;
  setTeamSettings(settings: TeamSettings): Promise<void>;
}

export interface SyncStore {
  transaction<T>(work: (tx: SyncStoreTx) => Promise<T>): Promise<T>;
}
