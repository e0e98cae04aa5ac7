// The team server's push path on PostgreSQL (issue #6), in process through Hono's app.request (no sockets):
//  1. throughput: batches of 100 new-lead mutations from one device, vs a raw batched upsert of the same
//     records into a plain table in the same database, in the same run (target: >= 5,000 mutations/s and
//     within 2x of the raw upsert; after 3 uncounted warm-up batches of each);
//  2. 20 devices pushing edits and pulling for a while: errors, lost mutations, p95 latency;
//  3. the server's share of a device's first pull of 100,000 leads (pages of 1,000 from PostgreSQL).
// Storage: DATABASE_URL or TEST_DATABASE_URL (PostgreSQL); without either, embedded PGlite (said plainly).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../../server/db/migrate';
import { openPgliteDatabase } from '../../server/db/pglite-database';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import type { SqlDatabase } from '../../server/db/sql-database';
import { createHarness } from '../../tests/server/harness';
import { makeLead, stamper } from '../../tests/server/records';
import { benchArgs } from '../lib/args.mjs';

const args = benchArgs();
const quick = args.quick === 'true';
const BATCH = 100;
const WARM_UP = 3;
const BATCHES = Number(args['server-batches'] ?? (quick ? 20 : 100));
const CLIENTS = 20;
const PULL_LEADS = Number(args['pull-leads'] ?? (quick ? 10_000 : 100_000));
const SECONDS = Number(args['server-seconds'] ?? (quick ? 10 : 60));
const THROUGHPUT_TARGET = 5_000;
const RATIO_TARGET = 2;
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const say = (message: string) => console.log(`[bench server] ${message}`);

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

async function open(): Promise<{ db: SqlDatabase; where: string; cleanup: () => Promise<void> }> {
  if (!url) {
    const db = await openPgliteDatabase();
    return { db, where: 'embedded PGlite (set DATABASE_URL or TEST_DATABASE_URL for PostgreSQL, as the issue asks)', cleanup: () => db.close() };
  }
  const schema = `sidecar_bench_${randomBytes(6).toString('hex')}`;
  const db = await openPostgresDatabase(url, { schema, maxConnections: CLIENTS + 5 });
  return {
    db,
    where: `PostgreSQL (${new URL(url).host}, schema ${schema})`,
    async cleanup() {
      await db.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    },
  };
}

async function main() {
  const { db, where, cleanup } = await open();
  say(`storage: ${where}`);
  const failures: string[] = [];
  const results: Record<string, unknown> = { where };
  try {
    await migrate(db);
    // The server tests' harness: the app in process, and a team whose tokens are minted directly (sign-in's
    // scrypt is not what is measured here).
    const h = createHarness(db, { rateLimit: { burst: 1e9, perSecond: 1e9 } });
    const call = (path: string, token: string, body?: unknown) => h.call(body === undefined ? 'GET' : 'POST', path, body, token);
    const tokensOf = async (n: number) => (await h.quickTeam(Array.from({ length: n }, () => 'manager' as const))).users.map((user) => user.token);

    // 1. Throughput, interleaved batch by batch with the raw upsert so both see the same machine load.
    const tokens = await tokensOf(1);
    const stamp = stamper('benchdevice0001');
    // Each batch's leads are made just before it, untimed: made all at once, the device's 10,000 leads sat in this
    // process's old generation, and every major collection the server's pushes triggered had to mark them too
    // (tens of milliseconds each), a cost of the benchmark's stand-in device, not of a server.
    const leadsOf = (b: number) =>
      Array.from({ length: BATCH }, (_, i) => {
        const n = (b + WARM_UP) * BATCH + i;
        return makeLead(stamp(), { name: `Bench Company ${n}`, domain: `bench-${n}.example`, code: `LX2026${String(n + 1).padStart(6, '0')}` });
      });
    await db.query(`CREATE TABLE bench_raw (id uuid PRIMARY KEY, team_id text NOT NULL, change_no bigint NOT NULL, record jsonb NOT NULL)`);
    let pushMs = 0;
    let rawMs = 0;
    // The process's own CPU time too: on a shared machine wall time mostly measures the neighbours.
    let pushCpuMs = 0;
    let rawCpuMs = 0;
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    let acked = 0;
    // Each batch's time too: the median says what a batch costs when no collection or neighbour gets in the way.
    const pushBatchMs: number[] = [];
    const rawBatchMs: number[] = [];
    // The first WARM_UP batches (both sides) are not counted: they time the JIT compiling the code, once per process.
    for (let b = -WARM_UP; b < BATCHES; b++) {
      const batch = leadsOf(b);
      const mutations = batch.map((lead, i) => ({ op: 'put', table: 'leads', record: lead, mutationId: (b + WARM_UP) * BATCH + i + 1 }));
      // The request as the device sends it: serialising its outbox is the device's work, not the server's.
      const request = JSON.stringify({ clientId: 'bench-throughput', mutations });
      if (b === 0) [pushMs, rawMs, pushCpuMs, rawCpuMs] = [0, 0, 0, 0];
      let cpu = cpuMs();
      let t = performance.now();
      const { status, json } = await call('/v1/sync/push', tokens[0]!, request);
      if (b >= 0) pushBatchMs.push(performance.now() - t);
      pushMs += performance.now() - t;
      pushCpuMs += cpuMs() - cpu;
      if (status !== 200) throw new Error(`push answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
      acked += (json.results ?? json.acks ?? mutations).length;
      cpu = cpuMs();
      t = performance.now();
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO bench_raw (id, team_id, change_no, record)
           SELECT (r->>'id')::uuid, 'bench', $2::bigint + ordinality, r FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, ordinality)
           ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, change_no = EXCLUDED.change_no`,
          [JSON.stringify(batch), (b + WARM_UP) * BATCH],
        );
      });
      if (b >= 0) rawBatchMs.push(performance.now() - t);
      rawMs += performance.now() - t;
      rawCpuMs += cpuMs() - cpu;
    }
    const stored = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM records WHERE kind = 'leads'`).catch(() => null);
    const perSecond = Math.round((BATCHES * BATCH) / (pushMs / 1000));
    const rawPerSecond = Math.round((BATCHES * BATCH) / (rawMs / 1000));
    const ratio = Number((pushMs / rawMs).toFixed(2));
    const nodeCpuPerBatch = { push: Number((pushCpuMs / BATCHES).toFixed(1)), raw: Number((rawCpuMs / BATCHES).toFixed(1)) };
    results.throughput = { mutations: BATCHES * BATCH, pushMs: Math.round(pushMs), rawMs: Math.round(rawMs), perSecond, rawPerSecond, ratio, nodeCpuMsPerBatch: nodeCpuPerBatch, storedRecords: stored?.[0]?.n ?? 'unknown' };
    say(`push throughput: ${perSecond.toLocaleString('en-US')} lead mutations/s (raw batched upsert ${rawPerSecond.toLocaleString('en-US')}/s, ratio ${ratio}x)`);
    const medianMs = { push: Number(percentile(pushBatchMs, 50).toFixed(1)), raw: Number(percentile(rawBatchMs, 50).toFixed(1)) };
    (results.throughput as Record<string, unknown>).medianBatchMs = medianMs;
    say(`  median batch: push ${medianMs.push} ms, raw ${medianMs.raw} ms (${(medianMs.push / medianMs.raw).toFixed(2)}x)`);
    say(`  this process's CPU per batch of ${BATCH}: push ${nodeCpuPerBatch.push} ms (HTTP, validation, merge, driver), raw ${nodeCpuPerBatch.raw} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    if (perSecond < THROUGHPUT_TARGET) failures.push(`push throughput ${perSecond}/s is below ${THROUGHPUT_TARGET}/s`);
    if (ratio > RATIO_TARGET) failures.push(`push is ${ratio}x the raw upsert (target <= ${RATIO_TARGET}x)`);

    // 2. Twenty devices for a while: each pushes edits of its own leads and pulls; every acknowledged edit must be on the server.
    const crowd = { tokens: await tokensOf(CLIENTS) };
    const latencies: number[] = [];
    let errors = 0;
    const expected = new Map<string, string>();
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      crowd.tokens.map(async (token, c) => {
        const device = stamper(`benchcrowd${String(c).padStart(4, '0')}`);
        const mine = Array.from({ length: 10 }, (_, i) => makeLead(device(), { name: `Crowd ${c}-${i}`, domain: `crowd-${c}-${i}.example` }));
        let mutationId = 0;
        let checkpoint = 0;
        let round = 0;
        while (Date.now() < deadline) {
          round++;
          const edits = mine.map((lead) => {
            const s = device();
            const description = `round ${round} by device ${c}`;
            expected.set(lead.id, description);
            return { op: 'put', table: 'leads', record: { ...lead, description, versions: { ...lead.versions, description: s } }, mutationId: ++mutationId };
          });
          let t = performance.now();
          const pushed = await call('/v1/sync/push', token, { clientId: `crowd-device-${c}`, mutations: edits });
          latencies.push(performance.now() - t);
          if (pushed.status !== 200 && errors++ === 0) say(`first failure: push answered ${pushed.status} ${JSON.stringify(pushed.json).slice(0, 300)}`);
          t = performance.now();
          const pulled = await call(`/v1/sync/pull?after=${checkpoint}&limit=500`, token);
          latencies.push(performance.now() - t);
          if (pulled.status !== 200 && errors++ === 0) say(`first failure: pull answered ${pulled.status} ${JSON.stringify(pulled.json).slice(0, 300)}`);
          else checkpoint = pulled.json.checkpoint;
        }
      }),
    );
    // What the server holds now, read as a device would: every lead's last description must be the last one sent.
    let lost = 0;
    const seen = new Map<string, string>();
    let after = 0;
    for (;;) {
      const page = await call(`/v1/sync/pull?after=${after}&limit=1000`, crowd.tokens[0]!);
      for (const change of page.json.changes) seen.set(change.record.id, change.record.description);
      after = page.json.checkpoint;
      if (!page.json.hasMore) break;
    }
    for (const [id, description] of expected) if (seen.get(id) !== description) lost++;
    const p95 = Number(percentile(latencies, 95).toFixed(1));
    results.concurrent = { clients: CLIENTS, seconds: SECONDS, requests: latencies.length, errors, lostMutations: lost, p95Ms: p95, medianMs: Number(percentile(latencies, 50).toFixed(1)) };
    say(`${CLIENTS} devices for ${SECONDS} s: ${latencies.length} requests, ${errors} errors, ${lost} lost edits, p95 ${p95} ms`);
    if (errors > 0) failures.push(`${errors} requests failed with ${CLIENTS} devices`);
    if (lost > 0) failures.push(`${lost} acknowledged edits are not on the server`);

    // 3. The server's share of a device's first pull: a team of PULL_LEADS leads read in pages of 1,000 (as the
    //    extension asks), each page validated and serialised as it is sent. The device's share (parsing, storing
    //    into IndexedDB) is measured by bench/sync.mjs against a raw IndexedDB add.
    const puller = (await h.quickTeam(['manager'])).users[0]!.token;
    const seed = stamper('benchseeder0001');
    for (let n = 0, id = 1; n < PULL_LEADS; n += 300) {
      const mutations = Array.from({ length: Math.min(300, PULL_LEADS - n) }, (_, i) => ({ op: 'put', table: 'leads', mutationId: id++, record: makeLead(seed(), { name: `Pulled Company ${n + i}`, domain: `pulled-${n + i}.example`, code: `LX2027${String(n + i + 1).padStart(6, '0')}` }) }));
      const seeded = await call('/v1/sync/push', puller, JSON.stringify({ clientId: 'bench-seeder', mutations }));
      const refused = seeded.json?.results?.find((result: { status: string }) => result.status !== 'applied');
      if (seeded.status !== 200 || refused) throw new Error(`seeding answered ${seeded.status}: ${JSON.stringify(refused ?? seeded.json).slice(0, 300)}`);
    }
    let pulled = 0;
    let pullAfter = 0;
    const pageMs: number[] = [];
    const pullStart = performance.now();
    for (;;) {
      const t = performance.now();
      const page = await call(`/v1/sync/pull?after=${pullAfter}&limit=1000`, puller);
      pageMs.push(performance.now() - t);
      if (page.status !== 200) throw new Error(`pull answered ${page.status}`);
      pulled += page.json.changes.length;
      pullAfter = page.json.checkpoint;
      if (!page.json.hasMore) break;
    }
    const pullMs = performance.now() - pullStart;
    results.firstPull = { leads: pulled, pages: pageMs.length, ms: Math.round(pullMs), p95PageMs: Number(percentile(pageMs, 95).toFixed(1)) };
    say(`server's share of a first pull of ${pulled.toLocaleString('en-US')} leads: ${(pullMs / 1000).toFixed(1)} s in ${pageMs.length} pages (p95 ${percentile(pageMs, 95).toFixed(0)} ms a page)`);
    if (pulled !== PULL_LEADS) failures.push(`the first pull brought ${pulled} of ${PULL_LEADS} leads`);
  } finally {
    await cleanup();
  }
  const file = fileURLToPath(new URL('../results/server.json', import.meta.url));
  await mkdir(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), quick, results, failures }, null, 2)}\n`);
  console.log(`\n| benchmark | result | baseline | ratio | target |\n|---|---|---|---|---|`);
  const t = results.throughput as any;
  console.log(`| push, batches of ${BATCH} new leads | ${t.perSecond.toLocaleString('en-US')} mutations/s | raw batched upsert ${t.rawPerSecond.toLocaleString('en-US')}/s | ${t.ratio}x | >= 5,000/s and <= 2x |`);
  const c = results.concurrent as any;
  console.log(`| ${c.clients} devices pushing and pulling, ${c.seconds} s | ${c.requests} requests, ${c.errors} errors, ${c.lostMutations} lost, p95 ${c.p95Ms} ms | | | no error, nothing lost |`);
  const p = results.firstPull as any;
  console.log(`| server's share of a first pull, ${p.leads.toLocaleString('en-US')} leads in pages of 1,000 | ${(p.ms / 1000).toFixed(1)} s (p95 ${p.p95PageMs} ms a page) | | | (add to bench/sync.mjs's device time) |`);
  if (failures.length) {
    console.log(`\n${failures.length} target(s) missed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`[bench server] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
