/**
 * The benchmark cases, run inside Chromium against its real (on-disk) IndexedDB. bench/run.mjs drives them
 * through `window.sidecarBench` and does the statistics; every case returns raw per-operation timings.
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { badgeForUrl } from '../../lib/badge';
import { LeadStore, SidecarDatabase, toRow, type LeadRow } from '../../lib/db';
import { foldRescoredTiers } from '../../lib/db/fold-rescored-tiers';
import { HistoryStore, type TierStateRow } from '../../lib/db';
import { rescoreLeads } from '../../lib/db/rescore-leads';
import type { ScoreInputsRow } from '../../lib/db/score-inputs';
import { scoreFactsOf, scoreTotalOf, type ScoreFacts } from '../../lib/score/score-facts';
import type { Activity, Contact } from '../../lib/schema';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '../../lib/schema';
import { newLeadFromCapture } from '../../lib/leads';
import { Lead, type LeadPatch, type PageCapture } from '../../lib/schema';
import { captureOf, companyOf, leadOf, rng, uuidV7 } from './data';
import { shapes } from './shapes';

export interface Timings {
  /** Per-operation milliseconds of the code under test, after warm-up. */
  samples: number[];
  /** Per-operation milliseconds of the baseline, measured interleaved with the samples. */
  baseline: number[];
}

const now = () => performance.now();
const log = (message: string) => console.log(`[bench page] ${message}`);

// ---------------------------------------------------------------------------------------------------------
// Data: generated once per page (each page holds one database of one size).

let cached: { n: number; leads: Lead[]; rows: LeadRow[] } | undefined;

/** The first n leads (as the store takes them) and their rows (as IndexedDB holds them). */
function dataset(n: number): { leads: Lead[]; rows: LeadRow[] } {
  if (cached?.n === n) return cached;
  const started = now();
  const leads: Lead[] = [];
  const rows: LeadRow[] = [];
  for (let i = 0; i < n; i++) {
    const lead = leadOf(i);
    leads.push(lead);
    rows.push(toRow(lead));
  }
  cached = { n, leads, rows };
  log(`generated ${n} leads in ${Math.round(now() - started)} ms`);
  return cached;
}

/** Resolves when an IDBRequest or IDBTransaction finishes. */
function done(target: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (target instanceof IDBTransaction) {
      target.oncomplete = () => resolve();
      target.onabort = target.onerror = () => reject(target.error ?? new Error('transaction aborted'));
    } else {
      target.onsuccess = () => resolve();
      target.onerror = () => reject(target.error);
    }
  });
}

/** A fresh database with the app's schema (created by Dexie) and nothing in it. */
async function freshDatabase(name: string): Promise<SidecarDatabase> {
  await Dexie.delete(name);
  const db = new SidecarDatabase(name);
  await db.open();
  return db;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark sanity check failed: ${message}`);
}

/** Runs `a` and `b` once each per iteration, alternating which goes first, and times each. */
async function interleaved(
  iterations: number,
  warmup: number,
  a: (k: number) => Promise<void>,
  b: (k: number) => Promise<void>,
): Promise<{ samples: number[]; baseline: number[] }> {
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let k = 0; k < warmup + iterations; k++) {
    let ta: number;
    let tb: number;
    if (k % 2 === 0) {
      const t0 = now();
      await a(k);
      const t1 = now();
      await b(k);
      const t2 = now();
      ta = t1 - t0;
      tb = t2 - t1;
    } else {
      const t0 = now();
      await b(k);
      const t1 = now();
      await a(k);
      const t2 = now();
      tb = t1 - t0;
      ta = t2 - t1;
    }
    if (k >= warmup) {
      samples.push(ta);
      baseline.push(tb);
    }
  }
  return { samples, baseline };
}

// ---------------------------------------------------------------------------------------------------------
// Cases. Each page (origin) holds one database; bulk-writing it also seeds it for the per-operation cases.

/** The bookkeeping rows a device that stored n leads has: the code sequence and the clock. */
async function seedMeta(db: SidecarDatabase, n: number): Promise<void> {
  await db.meta.bulkPut([
    { key: `leadCodeSequence:${new Date().getUTCFullYear()}`, value: n },
    { key: 'clock', value: { millis: Date.now() - 1000, counter: 0, node: 'a1b2c3d4e5f60718' } },
  ]);
}

/** Raw IndexedDB (no Dexie): adds the n rows, search keys already computed, in one transaction. */
async function bulkRaw({ dbName, n }: { dbName: string; n: number }): Promise<number> {
  const { rows } = dataset(n);
  const db = await freshDatabase(dbName);
  const idb = db.backendDB();
  const t0 = now();
  const tx = idb.transaction('leads', 'readwrite');
  const objectStore = tx.objectStore('leads');
  for (const row of rows) objectStore.add(row);
  await done(tx);
  const ms = now() - t0;
  check((await db.leads.count()) === n, 'raw bulk add did not store every row');
  await seedMeta(db, n);
  db.close();
  log(`raw IndexedDB add of ${n} rows: ${Math.round(ms)} ms`);
  return ms;
}

/** LeadStore.importLeads with all n leads in one call: all or nothing, so one transaction. */
async function bulkStore({ dbName, n }: { dbName: string; n: number }): Promise<number> {
  const { leads } = dataset(n);
  const db = await freshDatabase(dbName);
  const store = new LeadStore(db);
  const t0 = now();
  const count = await store.importLeads(leads);
  const ms = now() - t0;
  check(count === n && (await db.leads.count()) === n, 'importLeads did not store every lead');
  await seedMeta(db, n);
  db.close();
  log(`importLeads of ${n} leads: ${Math.round(ms)} ms`);
  return ms;
}

/**
 * The same database opened with plain Dexie: no app middleware (the sync outbox capture), which is what the
 * issue's "raw Dexie put/get" baselines mean.
 */
async function openPlain(dbName: string): Promise<Dexie> {
  const plain = new Dexie(dbName);
  await plain.open();
  return plain;
}

async function openExisting(dbName: string, n: number): Promise<SidecarDatabase> {
  const db = new SidecarDatabase(dbName);
  await db.open();
  check((await db.leads.count()) >= n, `${dbName} holds fewer than ${n} leads`);
  return db;
}

export interface CaseOptions {
  dbName: string;
  n: number;
  iterations: number;
  warmup: number;
}

/** LeadStore.findByDomain(random stored domain) vs Dexie db.leads.get(random stored id), same database. */
async function lookup({ dbName, n, iterations, warmup }: CaseOptions): Promise<Timings> {
  const db = await openExisting(dbName, n);
  const { rows } = dataset(n);
  const store = new LeadStore(db);
  const random = rng(1);
  const total = warmup + iterations;
  const domains = Array.from({ length: total }, () => rows[Math.floor(random() * n)]!.domain!);
  const ids = Array.from({ length: total }, () => rows[Math.floor(random() * n)]!.id);
  let misses = 0;
  const plain = await openPlain(dbName);
  const timings = await interleaved(
    iterations,
    warmup,
    async (k) => {
      const lead = await store.findByDomain(domains[k]!);
      if (lead?.domain !== domains[k]) misses++;
    },
    async (k) => {
      const row = (await plain.table('leads').get(ids[k]!)) as LeadRow | undefined;
      if (row?.id !== ids[k]) misses++;
    },
  );
  check(misses === 0, `${misses} lookups did not find their lead`);
  check((await store.findByDomain('no-such-company.example')) === undefined, 'found a lead for an unknown domain');
  plain.close();
  db.close();
  return timings;
}

/**
 * The toolbar badge of a tab (badgeForUrl: the page URL's company key, its lead by domain or other domain, the
 * tier and overdue mark) for a page deep in a stored company's site, vs Dexie db.leads.get(random stored id).
 */
async function badge({ dbName, n, iterations, warmup }: CaseOptions): Promise<Timings> {
  const db = await openExisting(dbName, n);
  const { rows } = dataset(n);
  const store = new LeadStore(db);
  const random = rng(3);
  const total = warmup + iterations;
  const picked = Array.from({ length: total }, () => rows[Math.floor(random() * n)]!);
  const urls = picked.map((row, k) => `https://www.${row.domain}/products/item-${k}?ref=toolbar`);
  const ids = Array.from({ length: total }, () => rows[Math.floor(random() * n)]!.id);
  const at = new Date();
  let misses = 0;
  const plain = await openPlain(dbName);
  const timings = await interleaved(
    iterations,
    warmup,
    async (k) => {
      const shown = await badgeForUrl(store, urls[k], at);
      if ((shown?.text ?? '').charAt(0) !== (picked[k]!.tier ?? '')) misses++;
    },
    async (k) => {
      const row = (await plain.table('leads').get(ids[k]!)) as LeadRow | undefined;
      if (row?.id !== ids[k]) misses++;
    },
  );
  check(misses === 0, `${misses} badges did not show their lead's tier`);
  check((await badgeForUrl(store, 'https://no-such-company.example/', at)) === null, 'a badge for an unknown site');
  plain.close();
  db.close();
  return timings;
}

/**
 * LeadStore.saveClip of a capture, for a company not stored yet ("new") or a second page (the contact page, one
 * more email and phone) of a stored company ("merge"), vs Dexie db.leads.put of a row of the same kind, into the
 * same database: new rows for new companies, or a stored row with the same additions. Each operation touches
 * its own company.
 */
async function save({ dbName, n, iterations, warmup, mode }: CaseOptions & { mode: 'new' | 'merge' }): Promise<Timings> {
  const db = await openExisting(dbName, n);
  const { rows } = dataset(n);
  const store = new LeadStore(db);
  const total = warmup + iterations;
  const random = rng(2);

  // Distinct stored companies: the first `total` for saveClip, the next `total` for the baseline.
  const picked = new Set<number>();
  while (picked.size < 2 * total) picked.add(Math.floor(random() * n));
  const targets = [...picked];

  const edits: LeadPatch[] = [];
  const captures: PageCapture[] = [];
  const rawRows: LeadRow[] = [];
  for (let k = 0; k < total; k++) {
    if (mode === 'new') {
      captures.push(captureOf(companyOf(n + k)));
      edits.push({ stage: 'initial_contact' });
      const at = Date.now();
      const lead = newLeadFromCapture({
        id: uuidV7(at, random),
        code: `LX${new Date(at).getUTCFullYear()}${n + total + k + 1}`,
        capture: captureOf(companyOf(n + total + k)),
        stamp: `${at}-0000-a1b2c3d4e5f60718`,
        now: new Date(at).toISOString(),
        ownerId: null,
      });
      rawRows.push(toRow({ ...lead, stage: 'initial_contact' }));
    } else {
      const contactPage = (company: ReturnType<typeof companyOf>) => ({ email: `support@${company.domain}`, phone: `+1 800 555 ${String(1000 + k).slice(-4)}` });
      const company = companyOf(targets[k]!);
      captures.push(captureOf(company, contactPage(company)));
      edits.push({});
      const row = rows[targets[total + k]!]!;
      const extra = contactPage(companyOf(targets[total + k]!));
      rawRows.push({ ...row, emails: [...row.emails, extra.email], phones: [...row.phones, extra.phone], updatedAt: new Date().toISOString() });
    }
  }

  const plain = await openPlain(dbName);
  const timings = await interleaved(
    iterations,
    warmup,
    async (k) => {
      await store.saveClip(captures[k]!, edits[k]!, null);
    },
    async (k) => {
      await plain.table('leads').put(rawRows[k]!);
    },
  );

  const expected = mode === 'new' ? n + 2 * total : n;
  const count = await db.leads.count();
  check(count === expected, `database holds ${count} leads, expected ${expected}`);
  const probe = await store.findByDomain(captures[total - 1]!.domain!);
  check(probe !== undefined, 'saved lead not found by domain');
  if (mode === 'merge') check(probe.emails.some((e) => e.startsWith('support@')), 'merge did not add the contact page email');
  check((await db.captures.count()) >= total, 'captures were not stored');
  plain.close();
  db.close();
  return timings;
}

/**
 * Score facts for lead i: sizes, budgets, timelines, contact roles and follow-up notes spread so that the team's
 * default settings give every tier, as a rep's database would after months of use (the generated leads carry none).
 */
function scoreFactsFor(i: number, lead: Lead, at: string): ScoreFacts {
  const random = rng(0xfac7 ^ Math.imul(i + 1, 0x27d4eb2d));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const employees = pick([null, null, 8, 40, 120, 600, 3000, 12000]);
  const ceiling = pick([null, null, 50_000, 150_000, 300_000, 600_000, 2_000_000]);
  const budget = ceiling === null ? null : { min: Math.round(ceiling / 2), max: ceiling, currency: 'CNY' };
  const decisionTimeline = pick([null, null, 'this month', '本月', 'next quarter', '下个月', 'not decided', 'within 6 months']);
  const roles = (['decision_maker', 'influencer', 'user', 'procurement', 'gatekeeper'] as const).filter(() => random() < 0.3);
  const contacts = roles.map((decisionRole) => ({ leadId: lead.id, deletedAt: null, decisionRole, name: '' }) as unknown as Contact);
  const note = pick([null, null, null, '客户希望尽快上线', 'They want to sign this month', 'Follow up after the trade fair']);
  const activities = note ? [{ leadId: lead.id, deletedAt: null, id: lead.id, occurredAt: at, subject: note, summary: '', bant: {} } as unknown as Activity] : [];
  return scoreFactsOf({ ...lead, employees, budget, decisionTimeline } as Lead, contacts, activities);
}

/**
 * Puts the re-score case's database where months of use leave it (untimed): every live lead with its score
 * facts row (kept by LeadTracker.afterWrite) and its tier state scored with the team's default settings, a few
 * with a manager's override. The lead rows keep the generated tiers, which the fold then brings in step.
 */
async function seedRescore({ dbName, n, at: atIso }: { dbName: string; n: number; at: string }): Promise<number> {
  const db = await openExisting(dbName, n);
  const { rows } = dataset(n);
  const t0 = now();
  const at = new Date(atIso);
  const inputs: ScoreInputsRow[] = [];
  const states: TierStateRow[] = [];
  rows.forEach((row, i) => {
    const leadFacts = scoreFactsFor(i, row, new Date(at.getTime() - 86_400_000).toISOString());
    inputs.push({ leadId: row.id, facts: leadFacts, at: uuidv7() });
    const { tier, total } = scoreTotalOf(leadFacts, DEFAULT_TEAM_SETTINGS, atIso);
    const override = i % 100 === 0 ? { tier: 'S' as const, reason: 'Strategic account', by: 'Manager', at: atIso } : null;
    states.push({ leadId: row.id, scored: { tier, total, at: atIso }, override });
  });
  const idb = db.backendDB();
  for (const [table, values] of [['scoreInputs', inputs], ['tierStates', states]] as const) {
    const tx = idb.transaction(table, 'readwrite');
    for (const value of values) tx.objectStore(table).put(value);
    await done(tx);
  }
  db.close();
  // The background holds no leads in memory while it re-scores; neither should the page (a heap of 100,000
  // generated leads makes every garbage collection of the timed run slow). Later cases generate them again.
  cached = undefined;
  log(`seeded ${n} score facts and tier states in ${Math.round(now() - t0)} ms`);
  return now() - t0;
}

/**
 * Re-scoring every stored lead after the team changed its settings (weights and thresholds), as the background
 * does it: page by page, each page one transaction. Reports the total (after which every read shows the new
 * tiers), the longest page (the longest a rep's save can wait behind it), and then, separately, the background
 * fold that writes the moved tiers into the lead rows, with its longest transaction.
 */
async function rescore({ dbName, n, fold, at: atIso }: { dbName: string; n: number; fold: boolean; at: string }): Promise<{
  totalMs: number;
  longestPageMs: number;
  changed: number;
  scored: number;
  batchedLeads: number;
  foldMs: number | null;
  longestFoldChunkMs: number | null;
  foldedLeadRows: number | null;
}> {
  const db = await openExisting(dbName, n);
  const at = new Date(atIso);
  const rows = { at: (i: number) => toRow(leadOf(i)) };
  const factsOf = (i: number) => scoreFactsFor(i, rows.at(i), new Date(at.getTime() - 86_400_000).toISOString());
  const settings = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, weights: { scale: 40, budget: 20, urgency: 20, decisionChain: 20 }, thresholds: { S: 70, A: 50, B: 10 } });
  let longestPageMs = 0;
  let last = now();
  const t0 = now();
  const result = await rescoreLeads(db, settings, {
    onProgress: () => {
      const t = now();
      longestPageMs = Math.max(longestPageMs, t - last);
      last = t;
    },
  });
  const totalMs = now() - t0;
  check(result.done === (await db.leads.count()), `re-scored ${result.done} of the stored leads`);
  check(result.changed > 0, 'no tier moved although the thresholds did');
  const batchedLeads = (await db.tierBatches.toArray()).reduce((sum, batch) => sum + batch.leadIds.length, 0);

  // What a rep sees right after: the lead as the badge and lists read it, and the tier state the popup shows.
  const history = new HistoryStore(db);
  const random = rng(7);
  for (let k = 0; k < 200; k++) {
    const i = Math.floor(random() * n);
    const expected = i % 100 === 0 ? 'S' : scoreTotalOf(factsOf(i), settings, at.toISOString()).tier;
    const before = i % 100 === 0 ? 'S' : scoreTotalOf(factsOf(i), DEFAULT_TEAM_SETTINGS, at.toISOString()).tier;
    // A lead whose tier did not move keeps the tier its row had (the generated one, in this database).
    const lead = await db.leads.get(rows.at(i).id);
    if (expected !== before) check(lead?.tier === expected, `lead ${i} shows tier ${lead?.tier} instead of ${expected}`);
    const state = await history.tierState(rows.at(i).id);
    check((state.override?.tier ?? state.scored?.tier) === expected, `lead ${i}: tier state ${state.scored?.tier}, expected ${expected}`);
  }

  let foldMs: number | null = null;
  let longestFoldChunkMs: number | null = null;
  let foldedLeadRows: number | null = null;
  if (fold) {
    longestFoldChunkMs = 0;
    last = now();
    const f0 = now();
    const folded = await foldRescoredTiers(db, {
      onChunk: () => {
        const t = now();
        longestFoldChunkMs = Math.max(longestFoldChunkMs!, t - last);
        last = t;
      },
    });
    foldMs = now() - f0;
    foldedLeadRows = folded.leadRows;
    check((await db.tierBatches.count()) === 0, 'batches left after the fold');
    check(db.tierOverlay.pendingLeads === 0, 'tiers still pending after the fold');
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(random() * n);
      const expected = i % 100 === 0 ? 'S' : scoreTotalOf(factsOf(i), settings, at.toISOString()).tier;
      const before = i % 100 === 0 ? 'S' : scoreTotalOf(factsOf(i), DEFAULT_TEAM_SETTINGS, at.toISOString()).tier;
      if (expected !== before) check((await db.leads.get(rows.at(i).id))?.tier === expected, `after the fold, lead ${i} is not ${expected}`);
    }
  }
  db.close();
  return { totalMs, longestPageMs, changed: result.changed, scored: result.done, batchedLeads, foldMs, longestFoldChunkMs, foldedLeadRows };
}

/** Where importLeads spends its time outside IndexedDB (validation, search keys), for the report. */
async function importCpu({ n }: { n: number }): Promise<{ parseMs: number; toRowMs: number }> {
  const { leads } = dataset(n);
  let t0 = now();
  const parsed = leads.map((lead) => Lead.parse(lead));
  const parseMs = now() - t0;
  t0 = now();
  const rows = parsed.map(toRow);
  const toRowMs = now() - t0;
  check(rows.length === n, 'rows');
  return { parseMs, toRowMs };
}

/** Builds the page's n leads up front, so that no case times the generator. Returns how long it took. */
function prepare({ n }: { n: number }): number {
  const t0 = now();
  dataset(n);
  return now() - t0;
}

const api = {
  prepare,
  bulkRaw,
  bulkStore,
  lookup,
  badge,
  save,
  shapes,
  importCpu,
  seedRescore,
  rescore,
  crossOriginIsolated: () => globalThis.crossOriginIsolated,
  /** The full browser version (the user agent string only carries the major version). */
  browserVersion: async () => {
    const data = (navigator as Navigator & { userAgentData?: { getHighEntropyValues(hints: string[]): Promise<{ fullVersionList?: Array<{ brand: string; version: string }> }> } }).userAgentData;
    const brands = (await data?.getHighEntropyValues(['fullVersionList']))?.fullVersionList ?? [];
    return brands.find((b) => /Chrom/.test(b.brand))?.version ?? navigator.userAgent;
  },
};
export type BenchApi = typeof api;
(globalThis as unknown as { sidecarBench: BenchApi }).sidecarBench = api;
document.title = 'Sidecar benchmarks: ready';
