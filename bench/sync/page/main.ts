/**
 * The sync benchmarks' page (bench/sync.mjs drives it): the extension's own database code (SidecarDatabase with
 * its change-capture middleware, DexieSyncStore, SyncEngine, LeadStore) in real Chromium IndexedDB. The team
 * server is played by an in-page transport that answers from memory through JSON, validated with the protocol's
 * zod schemas exactly as HttpTransport does, so the timings are the device's work, not the server's or the network's.
 */
import Dexie from 'dexie';
import { formatHlc } from '../../../lib/clock';
import { DexieSyncStore } from '../../../lib/db/dexie-sync-store';
import { LeadStore, SCHEMA_HISTORY, SidecarDatabase, toRow, type LeadRow } from '../../../lib/db';
import type { Lead } from '../../../lib/schema';
import { PullResponse, PushResponse, SyncEngine, type PullRequest, type PushRequest, type SyncTransport } from '../../../lib/sync';
import { leadOf } from '../../page/data';

const PAGE = 1000;
const now = () => performance.now();
const log = (message: string) => console.log(`[bench page] ${message}`);
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark sanity check failed: ${message}`);
}
const serverClock = () => formatHlc({ millis: Date.now(), counter: 0, node: 'server' });

let leads: Lead[] = [];
let rows: LeadRow[] = [];
/** The pull pages as the server would send them (JSON text). */
let pages: string[] = [];

function prepare({ n }: { n: number }): void {
  leads = Array.from({ length: n }, (_, i) => leadOf(i));
  rows = leads.map(toRow);
  pages = [];
  for (let start = 0; start < n; start += PAGE) {
    const changes = leads.slice(start, start + PAGE).map((record, k) => ({ changeNo: start + k + 1, table: 'leads', record }));
    const end = Math.min(n, start + PAGE);
    pages.push(JSON.stringify({ changes, conflicts: [], settings: null, checkpoint: end, hasMore: end < n, resyncRequired: false, serverClock: serverClock() }));
  }
  log(`prepared ${n} leads in ${pages.length} pull pages`);
}

/** Answers pulls from the prepared pages, and pushes by acknowledging every mutation then handing the records back on the next pull. */
class MemoryServer implements SyncTransport {
  private echo: Array<{ table: string; record: unknown }> = [];
  private readonly records = new Map<string, Record<string, unknown>>(leads.map((lead) => [lead.id, lead as unknown as Record<string, unknown>]));
  private checkpoint = 0;
  lastMutationId = 0;

  constructor(private readonly initial: string[]) {}

  async push(request: PushRequest) {
    const body = JSON.parse(JSON.stringify(request)) as PushRequest;
    for (const mutation of body.mutations) {
      // The server's merge in short: the new fields with their stamps on its copy.
      const current = mutation.op === 'put' ? mutation.record : { ...this.records.get(mutation.id)!, ...mutation.fields, versions: { ...(this.records.get(mutation.id)!.versions as object), ...mutation.versions }, origins: { ...(this.records.get(mutation.id)!.origins as object), ...mutation.origins } };
      this.records.set(String(current.id), current);
      this.echo.push({ table: mutation.table, record: current });
    }
    this.lastMutationId = body.mutations.at(-1)!.mutationId;
    const answer = { results: body.mutations.map((m) => ({ mutationId: m.mutationId, status: 'applied', replayed: false })), lastMutationId: this.lastMutationId };
    return PushResponse.parse(JSON.parse(JSON.stringify(answer)));
  }

  async pull(request: PullRequest) {
    const index = Math.floor(request.after / PAGE);
    if (request.after < leads.length && index < this.initial.length) return PullResponse.parse(JSON.parse(this.initial[index]!));
    this.checkpoint = Math.max(this.checkpoint, request.after);
    const changes = this.echo.splice(0).map((change, k) => ({ changeNo: this.checkpoint + k + 1, ...change }));
    this.checkpoint += changes.length;
    return PullResponse.parse(JSON.parse(JSON.stringify({ changes, conflicts: [], settings: null, checkpoint: this.checkpoint, hasMore: false, resyncRequired: false, serverClock: serverClock() })));
  }
}

async function fresh(name: string): Promise<SidecarDatabase> {
  await Dexie.delete(name);
  const db = new SidecarDatabase(name);
  await db.open();
  return db;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Raw IndexedDB (no Dexie, no sync): adds the same leads, index keys already computed, in one transaction. */
async function rawBulkAdd({ dbName }: { dbName: string }): Promise<number> {
  const db = await fresh(dbName);
  const idb = db.backendDB();
  const t0 = now();
  const tx = idb.transaction('leads', 'readwrite');
  const store = tx.objectStore('leads');
  for (const row of rows) store.add(row);
  await done(tx);
  const ms = now() - t0;
  check((await db.leads.count()) === rows.length, 'raw add did not store every lead');
  db.close();
  return ms;
}

/** With --breakdown: where an incremental sync's time goes (the transport's calls, each store transaction). */
const steps: string[] = [];
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const t0 = now();
  try {
    return await work();
  } finally {
    if ((globalThis as { breakdown?: boolean }).breakdown) steps.push(`${label} ${Math.round(now() - t0)}`);
  }
};
const timedTransport = (transport: SyncTransport): SyncTransport => ({
  push: (request) => timed('push', () => transport.push(request)),
  pull: (request) => timed('pull', () => transport.pull(request)),
});
function timedStore(store: DexieSyncStore): DexieSyncStore {
  const transaction = store.transaction.bind(store);
  store.transaction = (work) => timed('tx', () => transaction(work));
  return store;
}

let engine: SyncEngine | null = null;
let syncedDb: SidecarDatabase | null = null;
let server: MemoryServer | null = null;

/** The first pull of every lead into a fresh extension database, page by page, as after signing in. */
async function initialPull({ dbName }: { dbName: string }): Promise<number> {
  const db = await fresh(dbName);
  server = new MemoryServer(pages);
  engine = new SyncEngine({ store: timedStore(new DexieSyncStore(db)), transport: timedTransport(server), pullLimit: PAGE });
  const t0 = now();
  const pulled = await engine.pullAll().catch((error: unknown) => {
    console.error('[bench page] pull failed:', error instanceof Error ? `${error.name}: ${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error));
    throw error;
  });
  const ms = now() - t0;
  check(pulled === leads.length && (await db.leads.count()) === leads.length, 'the pull did not store every lead');
  check((await db.outbox.count()) === 0, 'pulled leads were queued to go back to the server');
  check((await db.leads.where('searchKeys').startsWith(rows[0]!.searchKeys[0]!).count()) > 0, 'pulled leads have no search keys');
  syncedDb = db;
  return ms;
}

/** Rounds of 100 local edits (through LeadStore, captured into the outbox), each followed by a timed sync (push and pull). */
async function incremental({ rounds, changes }: { rounds: number; changes: number }): Promise<number[]> {
  const [db, sync] = [syncedDb, engine];
  check(db && sync, 'run the initial pull first');
  const store = new LeadStore(db);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < changes; k++) {
      const lead = leads[(round * changes + k * 997) % leads.length]!;
      await store.update(lead.id, { needDescription: `round ${round} change ${k}` });
    }
    check((await db.outbox.count()) === changes, `expected ${changes} queued changes`);
    steps.length = 0;
    const t0 = now();
    const report = await sync.sync();
    samples.push(now() - t0);
    if (steps.length) log(`sync ${Math.round(now() - t0)} ms: ${steps.join(', ')}`);
    if ((globalThis as { breakdown?: boolean }).breakdown) {
      for (let k = 0; k < changes; k++) await store.update(leads[(round * changes + k * 991 + 7) % leads.length]!.id, { painPoints: `round ${round}/${k}` });
      const a = now();
      await sync.pushAll();
      const b = now();
      await sync.pullAll();
      log(`breakdown: push ${Math.round(b - a)} ms, pull ${Math.round(now() - b)} ms`);
    }
    check(report.pushed === changes && report.pulled === changes, `sync moved ${report.pushed}/${report.pulled} changes`);
    check((await db.outbox.count()) === 0, 'the outbox did not empty');
  }
  return samples;
}

/**
 * What capturing writes costs a bulk import: LeadStore.importLeads (queued) vs a Dexie bulkPut on the same schema
 * without the capture; then the first push of that import, in batches of 100 as the extension sends them.
 */
async function importCapture({ dbName, n }: { dbName: string; n: number }): Promise<{ capturedMs: number; plainMs: number; pushMs: number }> {
  const subset = leads.slice(0, Math.min(n, leads.length));
  n = subset.length;
  const db = await fresh(`${dbName}-captured`);
  let t0 = now();
  await new LeadStore(db).importLeads(subset);
  const capturedMs = now() - t0;
  check((await db.outbox.count()) === n, 'the import was not queued');
  const pusher = new SyncEngine({ store: new DexieSyncStore(db), transport: new MemoryServer([]), batchSize: 100 });
  t0 = now();
  const { pushed } = await pusher.pushAll();
  const pushMs = now() - t0;
  check(pushed === n && (await db.outbox.count()) === 0, `the import's push sent ${pushed} of ${n}`);
  db.close();
  await Dexie.delete(`${dbName}-plain`);
  const plain = new Dexie(`${dbName}-plain`);
  plain.version(1).stores({ leads: SCHEMA_HISTORY[3].leads });
  await plain.open();
  t0 = now();
  await plain.transaction('rw', plain.table('leads'), () => plain.table('leads').bulkPut(subset.map(toRow)));
  const plainMs = now() - t0;
  plain.close();
  return { capturedMs, plainMs, pushMs };
}

Object.assign(globalThis, {
  sidecarSyncBench: { prepare, rawBulkAdd, initialPull, incremental, importCapture, crossOriginIsolated: () => globalThis.crossOriginIsolated },
});
