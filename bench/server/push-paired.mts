// Two versions of the server's push, batch by batch in one process, so that both see the same machine load
// (for judging a change on a busy machine; not part of `npm run bench`). The other version is a copy of the
// repository's server, lib and tests folders (e.g. `git archive HEAD~3 server lib tests | tar -x -C /tmp/base`
// with node_modules linked). Usage: node --import tsx bench/server/push-paired.mts --other=/tmp/base --batches=100
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { benchArgs } from '../lib/args.mjs';

const args = benchArgs();
const BATCHES = Number(args.batches ?? 100);
const BATCH = 100;
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url || !args.other) throw new Error('set DATABASE_URL or TEST_DATABASE_URL, and --other=<folder with another copy of server/, lib/, tests/>');

async function version(root: string, label: string) {
  const load = (path: string) => import(resolve(root, path));
  const { openPostgresDatabase } = await load('server/db/postgres-database.ts');
  const { migrate } = await load('server/db/migrate.ts');
  const { createHarness } = await load('tests/server/harness.ts');
  const { makeLead, stamper } = await load('tests/server/records.ts');
  const schema = `sidecar_paired_${randomBytes(6).toString('hex')}`;
  const db = await openPostgresDatabase(url!, { schema, maxConnections: 4 });
  await migrate(db);
  const h = createHarness(db, { rateLimit: { burst: 1e9, perSecond: 1e9 } });
  const token = (await h.quickTeam(['manager'])).users[0]!.token;
  const stamp = stamper(`paired${label}`);
  let n = 0;
  return {
    label,
    ms: [] as number[],
    cpu: [] as number[],
    async push() {
      const mutations = Array.from({ length: BATCH }, () => {
        n++;
        return { op: 'put', table: 'leads', mutationId: n, record: makeLead(stamp(), { name: `Paired ${n}`, domain: `paired-${label}-${n}.example`, code: `LX2026${String(n).padStart(6, '0')}` }) };
      });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { status, json } = await h.call('POST', '/v1/sync/push', { clientId: 'paired-client', mutations }, token);
      this.ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      this.cpu.push((c.user + c.system) / 1000);
      if (status !== 200) throw new Error(`${label}: push answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    },
    async close() {
      await db.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const versions = [await version(resolve(args.other), 'other'), await version(resolve('.'), 'this')];
try {
  for (let b = 0; b < BATCHES; b++) for (const v of b % 2 ? versions : [...versions].reverse()) await v.push();
  for (const v of versions) {
    const ms = v.ms.slice(5);
    const cpu = v.cpu.slice(5);
    console.log(`${v.label.padEnd(6)} ${Math.round((ms.length * BATCH) / (sum(ms) / 1000))} mutations/s, median ${median(ms).toFixed(1)} ms per batch, Node CPU median ${median(cpu).toFixed(1)} ms`);
  }
  const ratios = versions[1]!.ms.slice(5).map((ms, i) => ms / versions[0]!.ms[i + 5]!);
  console.log(`this/other per batch: median ${median(ratios).toFixed(2)}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  for (const v of versions) await v.close();
}
