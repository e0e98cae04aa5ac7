// Where a push's time goes, for profiling (not part of `npm run bench`): batches of 100 new leads pushed
// through the app in process on PostgreSQL, with the time each statement waits for the database summed by
// kind. Run with `node --cpu-prof --import tsx bench/server/push-profile.mts --batches=200` and read the
// profile's self time; the statement times say how much of a push is the database's.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';
import { migrate } from '../../server/db/migrate';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import type { Queryable, QueryOptions, SqlDatabase } from '../../server/db/sql-database';
import { createHarness } from '../../tests/server/harness';
import { makeLead, stamper } from '../../tests/server/records';
import { benchArgs } from '../lib/args.mjs';

const args = benchArgs();
const BATCHES = Number(args.batches ?? 100);
const BATCH = 100;
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL or TEST_DATABASE_URL');

const waits = new Map<string, { n: number; ms: number }>();
const kindOf = (sql: string) => sql.trim().replace(/\s+/g, ' ').slice(0, 40);
let captured = '';
let lastRead: { sql: string; params: readonly unknown[] } | null = null;
/** TRACE=1: each statement's send and answer times (ms since the batch began) for the last few batches. */
const trace: string[][] = [];
let batchStart = 0;
function note(sql: string, params: readonly unknown[] | undefined, t: number) {
  const k = kindOf(sql);
  if (process.env.TRACE) trace[trace.length - 1]?.push(`${(t - batchStart).toFixed(1)}..${(performance.now() - batchStart).toFixed(1)} ${k.slice(0, 20)}`);
  if (process.env.CAPTURE && k.startsWith('WITH w0') && !captured) captured = JSON.stringify({ sql, params });
  if (k.startsWith('WITH locked')) lastRead = { sql, params: params ?? [] };
  const w = waits.get(k) ?? { n: 0, ms: 0 };
  w.n++;
  w.ms += performance.now() - t;
  waits.set(k, w);
}
/** The same database, with each statement's wait noted (options and the pipelined commit passed through). */
const timed = (q: Queryable): Queryable => ({
  async query(sql, params, options) {
    const t = performance.now();
    try {
      return await q.query(sql, params, options);
    } finally {
      note(sql, params, t);
    }
  },
  exec: (sql) => q.exec(sql),
  ...(q.queryAndCommit
    ? {
        async queryAndCommit(sql: string, params?: readonly unknown[], options?: QueryOptions) {
          const t = performance.now();
          try {
            return await q.queryAndCommit!(sql, params, options);
          } finally {
            note(`${sql} (+COMMIT)`, params, t);
          }
        },
      }
    : {}),
}) as Queryable;

const schema = `sidecar_prof_${randomBytes(6).toString('hex')}`;
// Named, so that the database's own CPU time for the pushes can be read from its backends' /proc entries.
const named = new URL(url);
named.searchParams.set('application_name', schema);
const inner = await openPostgresDatabase(named.toString(), { schema, maxConnections: 4 });
const backendCpuMs = async () => {
  const rows = await inner.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [schema]);
  let ms = 0;
  for (const { pid } of rows) ms += await readFile(`/proc/${pid}/schedstat`, 'utf8').then((text) => Number(text.split(' ')[0]) / 1e6, () => 0);
  return ms;
};
/** CPU ms of each thread of this process (main thread first: its id is the pid), from /proc. */
async function threadCpuMs(): Promise<Map<string, number>> {
  const { readdir } = await import('node:fs/promises');
  const ticks = 1000 / 100;
  const out = new Map<string, number>();
  for (const tid of await readdir('/proc/self/task')) {
    const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    out.set(`${tid === String(process.pid) ? 'main' : comm}#${tid}`, (Number(fields[11]) + Number(fields[12])) * ticks);
  }
  return out;
}
const db: SqlDatabase = { ...inner, ...timed(inner), transaction: (work) => inner.transaction((tx) => work(timed(tx))) };
try {
  await migrate(db);
  const h = createHarness(db, { rateLimit: { burst: 1e9, perSecond: 1e9 } });
  const token = (await h.quickTeam(['manager'])).users[0]!.token;
  const stamp = stamper('profdevice0001');
  const bodies = Array.from({ length: BATCHES }, (_, b) =>
    JSON.stringify({
      clientId: 'profile-client',
      mutations: Array.from({ length: BATCH }, (_, i) => {
        const n = b * BATCH + i;
        return { op: 'put', table: 'leads', mutationId: n + 1, record: makeLead(stamp(), { name: `Profile Company ${n}`, domain: `profile-${n}.example`, code: `LX2026${String(n + 1).padStart(6, '0')}` }) };
      }),
    }),
  );
  // Warm-up (the JIT, the pool's connections), not counted.
  for (const body of bodies.splice(0, Math.min(10, BATCHES >> 2))) await h.call('POST', '/v1/sync/push', body, token);
  const measured = bodies.length;
  waits.clear();
  const threads0 = await threadCpuMs();
  const db0 = await backendCpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const body of bodies) {
    trace.push([]);
    batchStart = performance.now();
    const { status, json } = await h.call('POST', '/v1/sync/push', body, token);
    trace[trace.length - 1]!.push(`${(performance.now() - batchStart).toFixed(1)} answered`);
    if (status !== 200) throw new Error(`push answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const dbCpu = (await backendCpuMs()) - db0;
  const threads = await threadCpuMs();
  const per = (x: number) => (x / measured).toFixed(1);
  console.log(
    `${measured} batches of ${BATCH}: ${Math.round((measured * BATCH) / (ms / 1000))} mutations/s, ${per(ms)} ms per batch; CPU per batch: Node ${per((cpu.user + cpu.system) / 1000)} ms (system ${per(cpu.system / 1000)}), database ${per(dbCpu)} ms; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  );
  if (process.env.TRACE) for (const lines of trace.slice(-Number(process.env.TRACE))) console.log(`  batch: ${lines.join(' | ')}`);
  const byThread = new Map<string, number>();
  for (const [key, ms] of threads) {
    const name = key.split('#')[0]!;
    byThread.set(name, (byThread.get(name) ?? 0) + ms - (threads0.get(key) ?? 0));
  }
  console.log(`  Node CPU per batch by thread: ${[...byThread].filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${per(ms)}`).join(', ')}`);
  for (const [k, w] of [...waits].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${(w.ms / measured).toFixed(2).padStart(7)} ms/batch  ${String(w.n).padStart(5)}x  ${k}`);
  // The statements kept prepared on this connection, and whether PostgreSQL settled on a generic plan for them.
  const perConnection = await Promise.all(
    Array.from({ length: 4 }, () =>
      inner.transaction((tx) => tx.query<Record<string, unknown>>(`SELECT pg_backend_pid() AS pid, name, generic_plans, custom_plans, left(regexp_replace(statement, '\\s+', ' ', 'g'), 40) AS sql FROM pg_prepared_statements`)),
    ),
  );
  for (const row of perConnection.flat()) console.log('  prepared:', JSON.stringify(row));
  if (process.env.EXPLAIN_READ && lastRead) {
    const { sql, params } = lastRead;
    await db
      .transaction(async (tx) => {
        for (const plan of await tx.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) console.log(Object.values(plan)[0]);
        throw new Error('rolled back');
      })
      .catch(() => {});
  }
  if (process.env.CAPTURE) {
    await import('node:fs').then((fs) => fs.writeFileSync(process.env.CAPTURE!, captured));
    const { sql, params } = JSON.parse(captured);
    await db.transaction(async (tx) => {
      // The captured write ran already: delete its rows (in this transaction, rolled back) and explain it again.
      const ids = (JSON.parse(params.find((p: unknown) => typeof p === 'string' && p.startsWith('[{"id"'))) as { id: string }[]).map((r) => r.id);
      await tx.query(`DELETE FROM records WHERE id = ANY($1::text[])`, [ids]);
      for (const plan of await tx.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) console.log(Object.values(plan)[0]);
      throw new Error('rolled back');
    }).catch(() => {});
  }
} finally {
  await db.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
}
