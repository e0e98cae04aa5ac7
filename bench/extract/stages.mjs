#!/usr/bin/env node
// `node bench/extract/stages.mjs [page-name-regexp]`: the fastest time of each extractor stage on each corpus page
// in headless Chromium (bench/extract/stages.ts), one row per page. For finding what to make faster;
// bench/extract.mjs is the benchmark.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs';

const RUNS = 15;
const filter = new RegExp(process.argv[2] ?? '');
const repo = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(repo, '..', 'shared', 'corpus');
const pages = [];
for (const line of (await readFile(join(corpus, 'SOURCES.md'), 'utf8')).split('\n')) {
  const match = /^\| (\S+\.html) \| (\S+)/.exec(line);
  if (match && filter.test(match[1])) pages.push({ name: match[1], url: match[2], bytes: await readFile(join(corpus, 'pages', match[1])) });
}
const isUtf8 = (bytes) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const outDir = await mkdtemp(join(tmpdir(), 'sidecar-stages-'));
const { build } = await import('vite');
await build({
  configFile: false,
  root: repo,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, target: 'esnext', minify: true, reportCompressedSize: false, lib: { entry: join(repo, 'bench/extract/stages.ts'), formats: ['iife'], name: 'sidecarStages', fileName: () => 'stages.js' } },
});
const bundle = await readFile(join(outDir, 'stages.js'));
// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = createServer((request, response) => {
  if (request.url === '/stages.js') return response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolation }).end(bundle);
  const page = pages[Number(request.url?.slice(1))];
  if (!page) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': isUtf8(page.bytes) ? 'text/html; charset=utf-8' : 'text/html', 'content-security-policy': "script-src 'self'", ...isolation }).end(page.bytes);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS, '--blink-settings=imagesEnabled=false', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const totals = {};
try {
  for (const [index, page] of pages.entries()) {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/${index}`, { timeout: 120_000 });
    await tab.addScriptTag({ url: `http://127.0.0.1:${server.address().port}/stages.js` });
    const medians = await tab.evaluate((o) => globalThis.sidecarStages.stages(o), { url: page.url, runs: RUNS });
    await tab.close();
    for (const [stage, ms] of Object.entries(medians)) totals[stage] = (totals[stage] ?? 0) + ms;
    console.log(`${page.name}: ${Object.entries(medians).filter(([, ms]) => ms >= 0.3).map(([stage, ms]) => `${stage.trim()} ${ms}`).join(', ')}`);
  }
  console.log(`\nsum over pages of each stage's fastest run (ms):\n${Object.entries(totals).map(([stage, ms]) => `  ${ms.toFixed(1).padStart(7)}  ${stage}`).join('\n')}`);
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
