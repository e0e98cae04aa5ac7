#!/usr/bin/env node
// `node bench/extract.mjs`: the extractor's speed in real headless Chromium (issue 3, "Quality, measured").
//
// Each corpus page (../shared/corpus/pages, listed in SOURCES.md) is served on 127.0.0.1 as the browser saved
// it (its own bytes and charset; its scripts blocked, nothing leaves the machine) and loaded in a tab; the
// extension's extractCompany then runs on that live document, interleaved with Mozilla Readability alone on
// the same page. Then a generated 2 MB company page, a 10 MB one and a deeply nested one, and the command line
// over the whole corpus in one run.
//
// Targets: full capture p95 under 50 ms on a typical page (all corpus samples pooled) and under 300 ms on the
// 2 MB page; the command line over the corpus under 10 s. Prints a table, writes bench/results/extract.json,
// exits 1 when a target is missed or a case fails to run.
//
// Options: --extract-iterations=15 --extract-warmup=2 (per corpus page; the generated pages take fewer)
//          --quick (8 timed runs per page)
//          --extract-pages=<text> (only the pages whose name contains it, for trying things out)
//          --calibrate (only prints Readability's cost by the elements it is given, for READABILITY_LIMITS)
// Other arguments (meant for the other benchmarks that `npm run bench` runs) are ignored.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs';
import { deeplyNestedPage, largeCompanyPage } from './extract/synthetic-pages.mjs';
import { benchArgs } from './lib/args.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_DIR = join(BENCH_DIR, '..');
const CORPUS_DIR = join(REPO_DIR, '..', 'shared', 'corpus');
const RESULTS_FILE = join(BENCH_DIR, 'results', 'extract.json');

const args = benchArgs();
// Options carry an extract- prefix: `npm run bench` (bench/all.mjs) hands every script the same arguments, and
// bench/run.mjs's --iterations=500 or --only=save mean something else there.
const quick = args.quick === 'true';
const iterations = Number(args['extract-iterations'] ?? (quick ? 8 : 15));
const warmup = Number(args['extract-warmup'] ?? 2);
/** Only the pages whose name contains this (for trying things out; targets then apply to what ran). */
const only = args['extract-pages'] ?? '';

const TYPICAL_P95_MS = 50;
const LARGE_P95_MS = 300;
const CLI_CORPUS_MS = 10_000;
const LARGE_PAGE_BYTES = 2 * 1024 * 1024;

const started = Date.now();
const loadAtStart = loadavg().map((x) => Number(x.toFixed(2)));
const say = (message) => console.log(`[bench:extract ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

// ---------------------------------------------------------------------------------------------------------
// Statistics

const sorted = (values) => [...values].sort((a, b) => a - b);
/** Nearest-rank percentile. */
function percentile(values, p) {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const round = (value, digits = 2) => Number(value.toFixed(digits));
const summary = (values) => ({ p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), maxMs: round(Math.max(...values)) });

// ---------------------------------------------------------------------------------------------------------
// The corpus and the generated pages

async function corpusPages() {
  const sources = await readFile(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const pages = [];
  for (const line of sources.split('\n')) {
    const match = /^\| (\S+\.html) \| (\S+)/.exec(line);
    if (match) pages.push({ name: match[1], url: match[2], file: join(CORPUS_DIR, 'pages', match[1]) });
  }
  if (pages.length === 0) throw new Error(`no pages listed in ${join(CORPUS_DIR, 'SOURCES.md')}`);
  return pages;
}

// ---------------------------------------------------------------------------------------------------------
// Build and serve

/** The in-page half (bench/extract/page.ts and the real lib/capture) as one classic script. */
async function buildBundle(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: REPO_DIR,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'esnext',
      minify: true,
      reportCompressedSize: false,
      lib: { entry: join(BENCH_DIR, 'extract', 'page.ts'), formats: ['iife'], name: 'sidecarExtractBench', fileName: () => 'bench.js' },
    },
  });
  return readFile(join(outDir, 'bench.js'));
}

/**
 * Serves each page at /page/<n> with its own bytes (the browser decodes it by its declared charset, as it would
 * the live site) and the bundle at /bench.js. The page's scripts are blocked by CSP so that they neither
 * change the DOM between runs nor reach for the network; cross-origin isolation gives performance.now() 5 µs
 * resolution instead of 100 µs.
 */
function serve(pages, bundle) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
    if (path === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolation }).end(bundle);
      return;
    }
    const page = /^\/page\/(\d+)$/.exec(path);
    const body = page ? pages[Number(page[1])]?.bytes : undefined;
    if (!body) {
      response.writeHead(404, isolation).end();
      return;
    }
    // A live site says its charset in the HTTP header; a saved file only in its bytes. Valid UTF-8 is served
    // as such (163.com declares nothing and Chromium would guess windows-1252); the rest by their <meta>.
    const contentType = isUtf8(body) ? 'text/html; charset=utf-8' : 'text/html';
    response.writeHead(200, { 'content-type': contentType, 'content-security-policy': "script-src 'self'", ...isolation }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Running a page

function measurePage(context, origin, index, page, options) {
  return inPage(context, origin, index, (o) => globalThis.sidecarExtractBench.run(o), { url: page.url, ...options });
}

/** Loads served page `index` in a new tab, adds the bundle and runs `fn(argument)` in it. */
async function inPage(context, origin, index, fn, argument) {
  const tab = await context.newPage();
  try {
    tab.on('pageerror', (error) => say(`page ${index}: page error: ${error.message}`));
    // A 10 MB page takes Chromium tens of seconds to load on a busy machine.
    await tab.goto(`${origin}/page/${index}`, { waitUntil: 'load', timeout: 120_000 });
    await tab.addScriptTag({ url: `${origin}/bench.js` });
    return await tab.evaluate(fn, argument);
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The command line

function timeCli(pages) {
  const argv = ['run', '--silent', 'extract', '--', ...pages.flatMap((page) => [page.file, '--url', page.url])];
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile('npm', argv, { cwd: REPO_DIR, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - t0;
      if (error) {
        resolve({ ms, error: `exit ${error.code}: ${stderr.trim().slice(0, 500)}` });
        return;
      }
      try {
        const captures = JSON.parse(stdout);
        resolve({ ms, captures: captures.length, error: captures.length === pages.length ? undefined : `printed ${captures.length} captures for ${pages.length} pages` });
      } catch (parseError) {
        resolve({ ms, error: `stdout is not JSON (${parseError.message})` });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The table

function printTable(rows) {
  const header = ['page', 'KB', 'elements', 'capture p50', 'capture p95', 'Readability p50', 'Readability p95', 'ratio p95', 'found'];
  const body = rows.map((r) => [
    r.page,
    String(Math.round(r.bytes / 1024)),
    String(r.elements),
    r.extract.p50Ms.toFixed(2),
    r.extract.p95Ms.toFixed(2),
    Number.isNaN(r.readability.p50Ms) ? '-' : r.readability.p50Ms.toFixed(2),
    Number.isNaN(r.readability.p95Ms) ? '-' : r.readability.p95Ms.toFixed(2),
    Number.isNaN(r.ratioP95) ? '-' : `${r.ratioP95.toFixed(2)}x`,
    r.foundText,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (row) => `| ${row.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, c) => (numeric.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const row of body) console.log(line(row));
}

function describeFound(found) {
  const parts = [found.name ?? '(no name)', `${found.emails} email`, `${found.phones} phone`, `${found.social} social`];
  if (found.description) parts.push(`description: ${found.description}`);
  if (found.warnings.length) parts.push(`${found.warnings.length} warning(s)`);
  return parts.join(', ');
}

function pageRow(page, bytes, result) {
  const extract = summary(result.extract);
  const readability = result.readability.length ? summary(result.readability) : { p50Ms: NaN, p95Ms: NaN, maxMs: NaN };
  return {
    page,
    bytes,
    elements: result.elements,
    samples: result.extract.length,
    extract,
    readability,
    ratioP50: round(extract.p50Ms / readability.p50Ms),
    ratioP95: round(extract.p95Ms / readability.p95Ms),
    found: result.found,
    foundText: describeFound(result.found),
    allExtract: result.extract,
    allReadability: result.readability,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Run

async function main() {
  if (!existsSync(join(CORPUS_DIR, 'pages'))) throw new Error(`the corpus was not found at ${CORPUS_DIR}/pages (clone the repo beside shared/)`);
  const corpus = await corpusPages();
  for (const page of corpus) page.bytes = await readFile(page.file);
  const large = { name: 'generated 2 MB company page', url: 'https://www.northwind-motion.com/products', bytes: Buffer.from(largeCompanyPage(LARGE_PAGE_BYTES)) };
  const huge = { name: 'generated 10 MB company page', url: 'https://www.northwind-motion.com/catalogue', bytes: Buffer.from(largeCompanyPage(10 * 1024 * 1024)) };
  const deep = { name: 'generated page nested 5,000 deep', url: 'https://www.deepnest.co.uk/', bytes: Buffer.from(deeplyNestedPage(5_000)) };
  const served = [...corpus, large, huge, deep];
  const selected = (page) => page.name.includes(only);

  const outDir = await mkdtemp(join(tmpdir(), 'sidecar-bench-extract-'));
  const failures = [];
  const corpusRows = [];
  const generatedRows = [];
  let environment;
  let server;
  let browser;
  try {
    say('building the in-page bundle with Vite');
    const bundle = await buildBundle(outDir);
    server = await serve(served, bundle);
    const origin = `http://127.0.0.1:${server.address().port}`;
    // Offline and quick to load: images are not fetched (a 10 MB page names tens of thousands) and every host
    // but ours fails at once, so the saved page's fonts, styles and trackers cost nothing.
    const offline = ['--blink-settings=imagesEnabled=false', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_FLAGS, ...offline] });
    const context = await browser.newContext();
    environment = { loadAverageBeforeStart: loadAtStart, chromium: browser.version(), cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version };

    if (args.calibrate === 'true') {
      for (const page of [large, ...corpus.filter((p) => /95599|163\.com|webstruct-business-31\./.test(p.name))]) {
        const rows = await inPage(context, origin, served.indexOf(page), (o) => globalThis.sidecarExtractBench.calibrate(o), { url: page.url, caps: [250, 500, 1000, 2000, 2500, 4000, 6000], runs: 7 });
        console.log(`${page.name}: ${rows.map((r) => `${r.maxElements} elements ${r.medianMs} ms`).join(', ')}`);
      }
      return;
    }
    say(`${corpus.length} corpus pages, ${warmup} warm-up + ${iterations} timed runs each`);
    for (const [index, page] of corpus.entries()) {
      if (!selected(page)) continue;
      try {
        corpusRows.push(pageRow(page.name, page.bytes.length, await measurePage(context, origin, index, page, { iterations, warmup, baselineRuns: iterations })));
      } catch (error) {
        failures.push(`${page.name} failed to run: ${error.message.split('\n')[0]}`);
      }
    }
    // Readability alone takes seconds on these, so it runs a few times only (on 10 MB, 5-20 s: not at all).
    const generated = [
      [large, { iterations, warmup: 2, baselineRuns: 3 }],
      [huge, { iterations: 5, warmup: 1, baselineRuns: 0 }],
      [deep, { iterations: 10, warmup: 1, baselineRuns: 1 }],
    ];
    for (const [page, options] of generated) {
      if (!selected(page)) continue;
      say(`${page.name}, ${options.warmup} warm-up + ${options.iterations} timed runs`);
      try {
        generatedRows.push(pageRow(page.name, page.bytes.length, await measurePage(context, origin, served.indexOf(page), page, options)));
      } catch (error) {
        failures.push(`${page.name} failed to run: ${error.message.split('\n')[0]}`);
      }
    }
  } finally {
    await browser?.close();
    server?.close();
    await rm(outDir, { recursive: true, force: true });
  }

  let cli = { ms: NaN, error: 'not run (--extract-pages)' };
  if (!only) {
    say('the command line over the whole corpus (one run, Node start included)');
    cli = await timeCli(corpus);
    if (cli.error) failures.push(`the command line failed on the corpus: ${cli.error}`);
  }

  // Targets. "Typical page": every sample of every corpus page pooled, so each page weighs the same.
  const overall = corpusRows.length ? summary(corpusRows.flatMap((row) => row.allExtract)) : null;
  const overallReadability = corpusRows.length ? summary(corpusRows.flatMap((row) => row.allReadability)) : null;
  const largeRow = generatedRows.find((row) => row.page === large.name);
  const targets = [
    { target: `corpus pages, full capture p95 < ${TYPICAL_P95_MS} ms`, valueMs: overall?.p95Ms ?? null, limitMs: TYPICAL_P95_MS },
    { target: `2 MB page, full capture p95 < ${LARGE_P95_MS} ms`, valueMs: largeRow?.extract.p95Ms ?? null, limitMs: LARGE_P95_MS },
    { target: `command line over the corpus (${corpus.length} pages) < ${CLI_CORPUS_MS / 1000} s`, valueMs: cli.error ? null : round(cli.ms, 0), limitMs: CLI_CORPUS_MS },
  ]
    .filter((t) => !only || t.valueMs !== null)
    .map((t) => ({ ...t, pass: t.valueMs !== null && t.valueMs < t.limitMs }));
  for (const t of targets.filter((t) => !t.pass)) failures.push(`missed: ${t.target} (measured ${t.valueMs === null ? 'nothing' : `${t.valueMs} ms`})`);

  console.log('');
  printTable([...corpusRows, ...generatedRows]);
  console.log('ratio p95: full capture p95 / Readability-alone p95 on the same page (clone + parse; the capture runs Readability only when the page has no description of its own).');
  if (overall) {
    console.log(
      `\nAll corpus pages pooled (${corpusRows.length} pages x ${iterations} runs): capture p50 ${overall.p50Ms} ms, p95 ${overall.p95Ms} ms; ` +
        `Readability alone p50 ${overallReadability.p50Ms} ms, p95 ${overallReadability.p95Ms} ms; ratio p95 ${round(overall.p95Ms / overallReadability.p95Ms)}x.`,
    );
  }
  console.log(`Command line, whole corpus in one run: ${Number.isNaN(cli.ms) ? '-' : `${(cli.ms / 1000).toFixed(2)} s`}${cli.error ? ` (${cli.error})` : ''}.\n`);
  for (const t of targets) console.log(`${t.pass ? 'pass' : 'FAIL'}  ${t.target}: ${t.valueMs === null ? 'not measured' : `${t.valueMs} ms`}`);

  await mkdir(join(BENCH_DIR, 'results'), { recursive: true });
  const strip = ({ foundText: _f, allExtract: _e, allReadability: _r, ...row }) => row;
  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        options: { iterations, warmup, quick, pages: only || null },
        environment,
        durationSeconds: round((Date.now() - started) / 1000, 1),
        overall: overall && { ...overall, readabilityP50Ms: overallReadability.p50Ms, readabilityP95Ms: overallReadability.p95Ms, ratioP95: round(overall.p95Ms / overallReadability.p95Ms) },
        cli: { pages: corpus.length, ms: Number.isNaN(cli.ms) ? null : round(cli.ms, 0), error: cli.error ?? null },
        targets,
        pages: corpusRows.map(strip),
        generated: generatedRows.map(strip),
        failures,
      },
      null,
      2,
    )}\n`,
  );
  if (loadAtStart[0] > cpus().length / 2) {
    console.log(`\nNote: the machine was already busy when the benchmark started (load average ${loadAtStart[0]} on ${cpus().length} CPUs); timings are noisier than usual.`);
  }
  console.log(`\nResults written to ${RESULTS_FILE} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  if (failures.length) {
    console.error(`\n${failures.length} problem(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('All extraction targets met.');
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:extract could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
