#!/usr/bin/env node
// `node bench/sync.mjs`: the extension side of team sync (issue #6) in real headless Chromium IndexedDB.
//
// 1. Initial pull of N leads (default 100,000) into a fresh extension database: SyncEngine.pullAll over
//    DexieSyncStore, pages of 1,000 as JSON validated with the protocol's schemas (as HttpTransport does), into
//    SidecarDatabase with its change capture. Baseline: a raw IndexedDB add of the same leads (index keys
//    precomputed) in one transaction, in another origin of the same browser. Target: total within 1.5x.
// 2. Incremental sync of 100 changes: 100 edits through LeadStore (queued by the capture), then one timed
//    engine.sync() (push in batches, acknowledge, pull the 100 records back). Target: p95 under 300 ms.
// 3. For information: what the capture costs a bulk import (LeadStore.importLeads vs a Dexie bulkPut without it),
//    and how long the first push of that import takes (the outbox read a batch at a time).
//
// The team server is played in the page from memory (bench/sync/page/main.ts): these are the device's costs.
// The server's own throughput is measured by the server benchmarks on PostgreSQL.
// Prints a table, writes bench/results/sync.json, exits 1 when a target is missed or a case fails.
// Options: --quick (10,000 leads, 10 rounds)  --leads=100000  --rounds=30  --import=20000
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs';
import { benchArgs } from './lib/args.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const PAGE_DIR = join(BENCH_DIR, 'sync', 'page');
const DIST_DIR = join(BENCH_DIR, 'sync', '.dist');
const RESULTS_FILE = join(BENCH_DIR, 'results', 'sync.json');

const args = benchArgs();
const quick = args.quick === 'true';
const n = Number(args.leads ?? (quick ? 10_000 : 100_000));
const rounds = Number(args.rounds ?? (quick ? 10 : 30));
const importN = Number(args.import ?? (quick ? 5_000 : 20_000));
const CHANGES = 100;
const PULL_TARGET = 1.5;
const INCREMENTAL_TARGET_MS = 300;

const started = Date.now();
const loadAtStart = loadavg().map((x) => Number(x.toFixed(2)));
const say = (message) => console.log(`[sync bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function buildPage() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    build: { outDir: DIST_DIR, emptyOutDir: true, target: 'esnext', minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.map': 'application/json' };

/** Serves the built page, cross-origin isolated (performance.now() at 5 µs resolution). */
function serve() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(DIST_DIR, path || 'index.html');
    if (!file.startsWith(DIST_DIR + sep) && file !== DIST_DIR) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const percentile = (values, p) => sorted(values)[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))];
const round = (value, digits = 1) => Number(value.toFixed(digits));

async function openPage(context, server) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().startsWith('[bench page]')) say(message.text().replace('[bench page] ', 'page: '));
  });
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  await page.waitForFunction(() => 'sidecarSyncBench' in globalThis);
  return page;
}

async function main() {
  say('building the sync bench page with Vite');
  await buildPage();
  const servers = [await serve(), await serve()];
  const userDataDir = await mkdtemp(join(tmpdir(), 'sidecar-sync-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  const results = [];
  let failed = false;
  try {
    // One origin per database: an origin's databases share one LevelDB and its compactions.
    const [rawPage, syncPage] = [await openPage(context, servers[0]), await openPage(context, servers[1])];
    say(`generating ${n} leads`);
    await Promise.all([rawPage, syncPage].map((page) => page.evaluate((o) => globalThis.sidecarSyncBench.prepare(o), { n })));

    say(`raw IndexedDB add of ${n} leads`);
    const rawMs = await rawPage.evaluate(() => globalThis.sidecarSyncBench.rawBulkAdd({ dbName: 'sync-bench-raw' }));
    say(`  ${Math.round(rawMs)} ms; letting the browser settle`);
    await sleep(10_000);
    say(`initial pull of ${n} leads`);
    const pullMs = await syncPage.evaluate(() => globalThis.sidecarSyncBench.initialPull({ dbName: 'sync-bench-pull' }));
    say(`  ${Math.round(pullMs)} ms`);
    const ratio = pullMs / rawMs;
    results.push({ benchmark: 'initial pull into a fresh extension database', n, ms: round(pullMs), baseline: 'raw IndexedDB add, one transaction', baselineMs: round(rawMs), ratio: round(ratio, 2), target: `total <= ${PULL_TARGET}x`, pass: ratio <= PULL_TARGET });

    await sleep(10_000);
    say(`incremental sync of ${CHANGES} changes, ${rounds} rounds`);
    if (args.breakdown) await syncPage.evaluate(() => { globalThis.breakdown = true; });
    const samples = await syncPage.evaluate((o) => globalThis.sidecarSyncBench.incremental(o), { rounds, changes: CHANGES });
    const p95 = percentile(samples, 95);
    results.push({ benchmark: `incremental sync of ${CHANGES} changes (push + pull)`, n, samples: samples.length, medianMs: round(percentile(samples, 50)), p95Ms: round(p95), target: `p95 < ${INCREMENTAL_TARGET_MS} ms`, pass: p95 < INCREMENTAL_TARGET_MS });

    say(`import of ${importN} leads with and without the change capture`);
    const { capturedMs, plainMs, pushMs } = await syncPage.evaluate((o) => globalThis.sidecarSyncBench.importCapture(o), { dbName: 'sync-bench-import', n: importN });
    results.push({ benchmark: 'bulk import, queued for sync (info)', n: importN, ms: round(capturedMs), baseline: 'Dexie bulkPut without capture', baselineMs: round(plainMs), ratio: round(capturedMs / plainMs, 2), target: '(info)', pass: null });
    results.push({ benchmark: 'first push of that import, batches of 100 (info)', n: importN, ms: round(pushMs), baseline: 'the import itself', baselineMs: round(capturedMs), ratio: round(pushMs / capturedMs, 2), target: '(info)', pass: null });
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await context.close();
    for (const server of servers) server.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
  console.table(results);
  const environment = { loadAverageBeforeStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))), cpus: cpus().length, node: process.version };
  await mkdir(join(BENCH_DIR, 'results'), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify({ at: new Date().toISOString(), quick, environment, results }, null, 2)}\n`);
  say(`wrote ${RESULTS_FILE}`);
  if (failed || results.some((r) => r.pass === false)) process.exitCode = 1;
}

await main();
