import type { Hlc } from '../schema';
import { backoffDelay } from './backoff';
import type { MutationResult, PullResponse, PushResponse } from './protocol';
import { mutationTarget, rebaseRecord, redirectPending } from './rebase';
import { SyncError } from './sync-error';
import type { OutboxEntry, RejectionNotice, SyncState, SyncStore, SyncStoreTx } from './sync-store';
import { SyncTable, TABLE_SCHEMAS, type AnySyncRecord } from './tables';
import type { SyncTransport } from './transport';

export interface SyncEngineOptions {
  store: SyncStore;
  transport: SyncTransport;
  now?: () => Date;
  /** Mutations per push (the server takes at most 500). */
  batchSize?: number;
  /** Bytes of JSON per push: well under the server's body limit (1 MB), whatever the changes hold. */
  maxPushBytes?: number;
  pullLimit?: number;
  /** Called with the server's clock after each pull, so the device's clock catches up (lib/clock receiveHlc). */
  onServerClock?: (stamp: Hlc) => Promise<void> | void;
  random?: () => number;
}

/** Bytes of JSON per push by default: half the server's body limit (server/http/app.ts). */
export const MAX_PUSH_BYTES = 512 * 1024;

const utf8 = new TextEncoder();

/** The first entries whose JSON fits in `maxBytes` (always at least one: the server says if it is too large). */
function withinBytes(entries: OutboxEntry[], maxBytes: number): OutboxEntry[] {
  let bytes = 0;
  for (let i = 0; i < entries.length; i++) {
    bytes += utf8.encode(JSON.stringify(entries[i]!.mutation)).length;
    if (bytes > maxBytes && i > 0) return entries.slice(0, i);
  }
  return entries;
}

export interface SyncReport {
  pushed: number;
  rejected: number;
  pulled: number;
}

/**
 * The device side of sync: pushes the outbox in batches, then pulls the team's changes page by page. Every
 * step that changes local state is one store transaction, and the server acknowledges replays, so the
 * engine can be stopped at any point (an MV3 service worker killed mid-sync) and resumed without losing
 * or doubling a mutation.
 */
export class SyncEngine {
  private readonly now: () => Date;
  private running: Promise<SyncReport> | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Pushes then pulls. Concurrent calls share one run. On failure records the backoff and rethrows. */
  sync(): Promise<SyncReport> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Syncs unless a backoff after earlier failures says to wait; for alarms and debounced triggers. */
  async syncIfDue(): Promise<SyncReport | null> {
    const state = await this.options.store.transaction((tx) => tx.getState());
    if (state.retryAt && state.retryAt > this.now().toISOString()) return null;
    return this.sync();
  }

  private async run(): Promise<SyncReport> {
    try {
      const { pushed, rejected } = await this.pushAll();
      // Stored with the last page, in its transaction: a sync of a few changes is a handful of transactions.
      const pulled = await this.pullAll(() => ({ lastSyncAt: this.now().toISOString(), failures: 0, retryAt: null, lastError: null }));
      return { pushed, rejected, pulled };
    } catch (error) {
      const failure = error instanceof SyncError ? error : new SyncError('internal', 'sync stopped on this device before it finished; it will be retried', { cause: error });
      await this.options.store.transaction(async (tx) => {
        const { failures } = await tx.getState();
        const wait = Math.max(backoffDelay(failures + 1, this.options.random), failure.retryAfterMs ?? 0);
        await tx.setState({ failures: failures + 1, retryAt: new Date(this.now().getTime() + wait).toISOString(), lastError: { code: failure.code, message: failure.message } });
      });
      throw failure;
    }
  }

  async pushAll(): Promise<{ pushed: number; rejected: number }> {
    let pushed = 0;
    let rejected = 0;
    // Halved when the server finds a push too large, for the rest of this run.
    let batchSize = this.options.batchSize ?? 100;
    for (;;) {
      const { clientId, queued } = await this.options.store.transaction(async (tx) => ({
        clientId: (await tx.getState()).clientId,
        queued: await tx.pendingMutations(batchSize),
      }));
      if (queued.length === 0) return { pushed, rejected };
      const batch = withinBytes(queued, this.options.maxPushBytes ?? MAX_PUSH_BYTES);
      let response: PushResponse;
      try {
        response = await this.options.transport.push({ clientId, mutations: batch.map((entry) => ({ ...entry.mutation, mutationId: entry.mutationId })) });
      } catch (error) {
        if (!(error instanceof SyncError) || error.code !== 'too_large') throw error;
        // Fewer at a time; a single change the server will never take is set aside, so the rest still go.
        if (batch.length > 1) batchSize = Math.ceil(batch.length / 2);
        else {
          await this.setAsideUnsendable(batch[0]!, error.message);
          rejected++;
        }
        continue;
      }
      const acknowledged = await this.options.store.transaction((tx) => this.acknowledge(tx, batch, response));
      rejected += acknowledged.rejected;
      pushed += batch.length;
      // A change queued after this point triggers a push of its own (the scheduler's debounce).
      if (!acknowledged.more) return { pushed, rejected };
    }
  }

  /**
   * A change larger than the server takes, alone: it leaves the outbox and is listed with the refused changes
   * (the popup shows them), so the changes behind it are not held back for ever. The device keeps its copy.
   */
  private async setAsideUnsendable(entry: OutboxEntry, serverMessage: string): Promise<void> {
    await this.options.store.transaction(async (tx) => {
      await tx.removeMutationsUpTo(entry.mutationId);
      await tx.addRejections([
        { mutationId: entry.mutationId, mutation: entry.mutation, code: 'too_large', message: `this change is too large for the team server (${serverMessage}); it stays on this device only`, at: this.now().toISOString() },
      ]);
    });
  }

  private async acknowledge(tx: SyncStoreTx, sent: OutboxEntry[], response: PushResponse): Promise<{ rejected: number; more: boolean }> {
    const byId = new Map(response.results.map((result) => [result.mutationId, result]));
    const acked = sent.filter((entry) => byId.has(entry.mutationId));
    if (acked.length !== sent.length) throw new SyncError('bad_response', 'the team server did not answer every change sent; they will be sent again');
    const upTo = Math.max(...acked.map((entry) => entry.mutationId));
    await tx.removeMutationsUpTo(upTo);
    // The rest of the outbox is read only when a change was redirected or refused (queued changes may follow
    // it); otherwise each batch would read the whole outbox, thousands of entries after an import.
    const followed = response.results.some((result) => result.redirect || result.status === 'rejected');
    if (!followed) return { rejected: 0, more: (await tx.pendingMutations(1)).length > 0 };
    const remaining = await tx.pendingMutations();
    const notices: RejectionNotice[] = [];
    for (const entry of acked) {
      const result = byId.get(entry.mutationId)!;
      if (result.redirect) await redirectPending(tx, remaining, result.redirect.from, result.redirect.to);
      if (result.status === 'rejected') {
        notices.push({ mutationId: entry.mutationId, mutation: entry.mutation, code: result.rejection?.code ?? 'rejected', message: result.rejection?.message ?? 'the team server refused this change', at: this.now().toISOString() });
        await this.revert(tx, entry, result, remaining);
      }
    }
    if (notices.length) await tx.addRejections(notices);
    return { rejected: notices.length, more: remaining.length > 0 };
  }

  /** A refused change is undone locally: the record goes back to the server's copy plus the changes still queued. */
  private async revert(tx: SyncStoreTx, entry: OutboxEntry, result: MutationResult, remaining: OutboxEntry[]): Promise<void> {
    const table = entry.mutation.table;
    const parsed = result.current ? TABLE_SCHEMAS[table].safeParse(result.current) : null;
    const server = parsed?.success ? (parsed.data as AnySyncRecord) : undefined;
    await rebaseRecord(tx, table, mutationTarget(entry.mutation), server, remaining);
  }

  /** Pulls every page; `atEnd` gives the state to store with the last one (in its transaction). */
  async pullAll(atEnd?: () => Partial<SyncState>): Promise<number> {
    let pulled = 0;
    for (let pages = 0; pages < 100_000; pages++) {
      const { checkpoint } = await this.options.store.transaction((tx) => tx.getState());
      const page = await this.options.transport.pull({ after: checkpoint, limit: this.options.pullLimit ?? 500 });
      await this.options.store.transaction(async (tx) => {
        await this.applyPage(tx, page);
        if (!page.hasMore && atEnd) await tx.setState(atEnd());
      });
      await this.options.onServerClock?.(page.serverClock);
      pulled += page.changes.length;
      if (!page.hasMore) return pulled;
    }
    throw new SyncError('bad_response', 'the team server kept sending pages; try again later');
  }

  private async applyPage(tx: SyncStoreTx, page: PullResponse): Promise<void> {
    const pending = await tx.pendingMutations();
    if (page.resyncRequired) {
      await this.resetForResync(tx, pending);
      return;
    }
    for (const change of page.changes) {
      const record = change.record as AnySyncRecord & { mergedInto?: string | null };
      if (change.table === 'leads' && record.deletedAt !== null && record.mergedInto) await redirectPending(tx, pending, record.id, record.mergedInto);
      await rebaseRecord(tx, change.table, record.id, record, pending);
    }
    if (page.conflicts.length) await tx.addConflicts(page.conflicts);
    if (page.settings) await tx.setTeamSettings(page.settings);
    await tx.setState({ checkpoint: page.checkpoint });
  }

  /** The device was offline past the purge horizon: drop synced records (keeping queued changes) and pull from 0. */
  private async resetForResync(tx: SyncStoreTx, pending: OutboxEntry[]): Promise<void> {
    const kept = new Map<string, AnySyncRecord>();
    for (const entry of pending) {
      const table = entry.mutation.table;
      const id = mutationTarget(entry.mutation);
      const local = await tx.getRecord(table, id);
      if (local) kept.set(`${table}:${id}`, local);
    }
    for (const table of SyncTable.options) await tx.clearTable(table);
    for (const [key, record] of kept) await tx.putRecord(key.split(':')[0] as SyncTable, record);
    await tx.setState({ checkpoint: 0 });
  }
}
