import type { TeamSettings } from '../schema';
import type { ConflictNotice } from './protocol';
import type { MutationBody, OutboxEntry, RejectionNotice, SyncState, SyncStore, SyncStoreTx } from './sync-store';
import type { AnySyncRecord, SyncTable } from './tables';

interface MemoryData {
  records: Record<SyncTable, Map<string, AnySyncRecord>>;
  outbox: OutboxEntry[];
  nextMutationId: number;
  state: SyncState;
  rejections: RejectionNotice[];
  conflicts: ConflictNotice[];
  settings: TeamSettings | null;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The reference SyncStore, in memory: transactions run one at a time on a copy that replaces the data only
 * when the work resolves, like an IndexedDB transaction. `failNextCommit` makes the next commit fail, as a
 * service worker stopped in the middle of a transaction would.
 */
export class MemorySyncStore implements SyncStore {
  private data: MemoryData;
  private queue: Promise<unknown> = Promise.resolve();
  failNextCommit = false;

  constructor(clientId: string) {
    this.data = {
      records: { leads: new Map(), contacts: new Map(), activities: new Map(), tasks: new Map() },
      outbox: [],
      nextMutationId: 1,
      state: { clientId, checkpoint: 0, lastSyncAt: null, failures: 0, retryAt: null, lastError: null },
      rejections: [],
      conflicts: [],
      settings: null,
    };
  }

  transaction<T>(work: (tx: SyncStoreTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const draft = clone(this.data);
      const result = await work(memoryTx(draft));
      if (this.failNextCommit) {
        this.failNextCommit = false;
        throw new Error('the store stopped before this transaction committed');
      }
      this.data = draft;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A snapshot for assertions. */
  snapshot(): MemoryData {
    return clone(this.data);
  }
}

function memoryTx(data: MemoryData): SyncStoreTx {
  return {
    getRecord: async (table, id) => clone(data.records[table].get(id)),
    putRecord: async (table, record) => void data.records[table].set(record.id, clone(record)),
    deleteRecord: async (table, id) => void data.records[table].delete(id),
    clearTable: async (table) => data.records[table].clear(),
    pendingMutations: async (limit) => clone(data.outbox.slice(0, limit)),
    async appendMutation(mutation: MutationBody) {
      const mutationId = data.nextMutationId++;
      data.outbox.push({ mutationId, mutation: clone(mutation) });
      return mutationId;
    },
    async replaceMutation(entry) {
      const index = data.outbox.findIndex((queued) => queued.mutationId === entry.mutationId);
      if (index >= 0) data.outbox[index] = clone(entry);
    },
    async removeMutationsUpTo(upTo) {
      data.outbox = data.outbox.filter((entry) => entry.mutationId > upTo);
    },
    getState: async () => clone(data.state),
    async setState(patch) {
      data.state = { ...data.state, ...patch };
    },
    addRejections: async (notices) => void data.rejections.push(...clone(notices)),
    addConflicts: async (notices) => void data.conflicts.push(...clone(notices)),
    async setTeamSettings(settings) {
      data.settings = clone(settings);
    },
  };
}
