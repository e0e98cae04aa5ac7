import Dexie, { type DBCoreKeyRange, type DBCoreTransaction } from 'dexie';

const equal = (key: unknown): DBCoreKeyRange => ({ type: 1 as DBCoreKeyRange['type'], lower: key, upper: key });

/**
 * One read-write transaction made on Dexie's DBCore: every request goes through the app's middlewares (the sync
 * outbox, the score marks, the pool key, the tier overlay), but not through Dexie's Table layer and its promise
 * zones, which cost a save from the sidebar about a millisecond of the main thread. Only that hot path uses it;
 * everything else uses Dexie's API. Writes throw the first failure of a request, and any throw aborts it all.
 */
export class CoreTransaction {
  private readonly idb: IDBTransaction;
  private readonly finished: Promise<void>;

  private constructor(
    private readonly db: Dexie,
    readonly trans: DBCoreTransaction,
  ) {
    this.idb = trans as unknown as IDBTransaction;
    this.finished = new Promise((resolve, reject) => {
      this.idb.addEventListener('complete', () => resolve());
      this.idb.addEventListener('abort', () => reject(this.idb.error ?? new DOMException('The save was rolled back.', 'AbortError')));
    });
    // The caller's error is the one it sees; this one only settles the commit.
    this.finished.catch(() => undefined);
  }

  /** Runs `work` in one transaction over `stores` (the middlewares add their own tables) and waits for the commit. */
  static async run<T>(db: Dexie, stores: readonly string[], work: (tx: CoreTransaction) => Promise<T>): Promise<T> {
    // Inside a Dexie transaction over the same tables this one would wait for it, and it for this one.
    if (Dexie.currentTransaction) throw new Error('A core transaction cannot run inside another transaction.');
    if (!db.isOpen()) await db.open();
    const tx = new CoreTransaction(db, db.core.transaction([...stores], 'readwrite'));
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      tx.abort();
      // The rollback's listeners (which give back a code taken here) run before the caller can save again.
      await tx.finished.catch(() => undefined);
      throw error;
    }
    tx.idb.commit?.();
    await tx.finished;
    return result;
  }

  /** Calls `listener` once the transaction has committed (a lease written in it is then on disk). */
  onCommit(listener: () => void): void {
    this.idb.addEventListener('complete', listener);
  }

  /** Calls `listener` if the transaction rolls back. */
  onAbort(listener: () => void): void {
    this.idb.addEventListener('abort', listener);
  }

  get<T>(table: string, key: string): Promise<T | undefined> {
    return this.db.core.table(table).get({ trans: this.trans, key }) as Promise<T | undefined>;
  }

  /** The rows whose `index` holds `key` (at most `limit`). */
  async byIndex<T>(table: string, index: string, key: string, limit?: number): Promise<T[]> {
    const core = this.db.core.table(table);
    const found = core.schema.getIndexByKeyPath(index);
    if (!found) throw new Error(`${table} has no index ${index}`);
    const { result } = await core.query({ trans: this.trans, values: true, query: { index: found, range: equal(key) }, ...(limit ? { limit } : {}) });
    return result as T[];
  }

  write(table: string, type: 'add' | 'put', values: readonly object[]): Promise<void> {
    const written = this.mutate(table, type, values);
    // A write still pending when the work fails is rolled back with the rest; its own rejection is not news.
    written.catch(() => undefined);
    return written;
  }

  private async mutate(table: string, type: 'add' | 'put', values: readonly object[]): Promise<void> {
    if (values.length === 0) return;
    const result = await this.db.core.table(table).mutate({ trans: this.trans, type, values: [...values] });
    if (result.numFailures > 0) throw Object.values(result.failures)[0] ?? new Error(`could not write to ${table}`);
  }

  private abort(): void {
    try {
      this.idb.abort();
    } catch {
      // Already finished or aborted by IndexedDB itself: nothing was committed by the failing work either way.
    }
  }
}
