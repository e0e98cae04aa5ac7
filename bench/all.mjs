#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another (each starts its own headless Chromium, so they never
// compete with each other for the two cores). Arguments go to each script; a script that misses a target
// exits 1, and so does this one, after running the rest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SUITES = [
  ['storage (save, lookup, badge, bulk write, re-score)', 'run.mjs'],
  ['extraction on the corpus pages', 'extract.mjs'],
  ['webmail threads and participant matching', 'webmail.mjs'],
  ['team sync on the device (first pull, incremental sync)', 'sync.mjs'],
  ['team server on PostgreSQL (push throughput, 20 devices)', 'server.mjs'],
];

const here = fileURLToPath(new URL('.', import.meta.url));
const missed = [];
for (const [name, file] of SUITES) {
  const path = `${here}${file}`;
  if (!existsSync(path)) {
    missed.push(`${name} (bench/${file} is missing)`);
    continue;
  }
  console.log(`\n=== ${name}: node bench/${file} ${process.argv.slice(2).join(' ')}\n`);
  const run = spawnSync(process.execPath, [path, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) missed.push(`${name} (exit ${run.status ?? run.signal})`);
}
if (missed.length > 0) {
  console.log(`\nBenchmarks with a missed target or a failure:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  process.exit(1);
}
console.log('\nEvery benchmark met its target.');
