#!/usr/bin/env node
// `node bench/extract/profile.mjs <page.html> <page-url> [function]`: where extractCompany spends its time on one
// page, from Chromium's sampling profiler (unminified bundle): self and inclusive milliseconds per run by function;
// with a function name (readMainText, extractContacts...), only the time spent inside that function.
// PROFILE_TOP=<n> lists more functions.
// For tuning the extractor; bench/extract.mjs is the benchmark.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs';

const RUNS = 20;
const [file, url, under] = process.argv.slice(2);
if (!file || !url) {
  console.error('Usage: node bench/extract/profile.mjs <page.html> <page-url> [function]');
  process.exit(2);
}
/** As bench/extract.mjs: a live site states its charset in the HTTP header; valid UTF-8 is served as such. */
function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
const repo = fileURLToPath(new URL('../../', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'sidecar-profile-'));
const { build } = await import('vite');
await build({
  configFile: false,
  root: repo,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, target: 'esnext', minify: false, reportCompressedSize: false, lib: { entry: join(repo, 'bench/extract/page.ts'), formats: ['iife'], name: 'sidecarExtractBench', fileName: () => 'bench.js' } },
});
const bundle = await readFile(join(outDir, 'bench.js'));
const page = await readFile(file);
const server = createServer((request, response) => {
  if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
  else if (request.url === '/page') response.writeHead(200, { 'content-type': isUtf8(page) ? 'text/html; charset=utf-8' : 'text/html', 'content-security-policy': "script-src 'self'" }).end(page);
  else response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS, '--blink-settings=imagesEnabled=false', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
try {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/page`, { timeout: 120_000 });
  await tab.addScriptTag({ url: `${origin}/bench.js` });
  const run = (iterations, warmup) => tab.evaluate((o) => globalThis.sidecarExtractBench.run(o), { url, iterations, warmup, baselineRuns: 0 });
  await run(3, 2);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await run(RUNS, 0);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  const insideOf = (id, name) => {
    for (let at = id; at; at = parent.get(at)) if (byId.get(at).callFrame.functionName === name) return true;
    return false;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000 / RUNS;
    const frame = byId.get(id).callFrame;
    if (under && !insideOf(id, under)) return;
    const key = `${frame.functionName || '(anonymous)'} (line ${frame.lineNumber})`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName || '(anonymous)';
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `  ${ms.toFixed(2).padStart(7)} ms  ${name}`).join('\n');
  const median = [...result.extract].sort((a, b) => a - b)[RUNS >> 1];
  console.log(`extractCompany: median ${median.toFixed(1)} ms per run while profiled (${RUNS} runs)\n\nself time per run:\n${top(self, Number(process.env.PROFILE_TOP ?? 15))}\n\ninclusive time per run:\n${top(inclusive, Number(process.env.PROFILE_TOP ?? 35))}`);
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
