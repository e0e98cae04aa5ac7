// A push's own CPU in Node, without a database: the app in process over a stand-in database that answers the
// push's statements at once (an empty team, every record new). For profiling the request, validation, merge
// and statement-building path with `node --cpu-prof --import tsx bench/server/push-node-only.mts`.
import { createApp } from '../../server/http/app';
import type { Queryable, SqlDatabase } from '../../server/db/sql-database';
import { makeLead, stamper } from '../../tests/server/records';
import { benchArgs } from '../lib/args.mjs';

const args = benchArgs();
const BATCHES = Number(args.batches ?? 300);
const BATCH = 100;
const TEAM = '01a20980-286a-7174-a937-771d53977d05';
const USER = '01a20980-286c-7139-9e7a-d332a25c6a9d';
let counter = 0;
let written = 0;

const answer = async (sql: string): Promise<any[]> => {
  if (sql.includes('FROM tokens k')) return [{ id: USER, email: 'm@example.com', role: 'manager', team_id: TEAM, team_name: 'bench', expires_at: new Date(Date.now() + 86_400_000), revoked_at: null }];
  if (sql.includes('WITH locked')) return [{ source: 'team', body: null, change_no: counter }, { source: 'seen', change_no: counter }];
  if (sql.includes('INSERT INTO records')) {
    written++;
    counter += BATCH;
  }
  return [];
};
const tx: Queryable = { query: (sql) => answer(sql), exec: async () => {} };
const db: SqlDatabase = { kind: 'postgres', ...tx, transaction: (work) => work(tx), close: async () => {} };
const app = createApp({ db, rateLimit: { burst: 1e9, perSecond: 1e9 } });
const stamp = stamper('nodeonly0001');
const bodies = Array.from({ length: BATCHES }, (_, b) =>
  JSON.stringify({
    clientId: 'node-only-client',
    mutations: Array.from({ length: BATCH }, (_, i) => {
      const n = b * BATCH + i;
      return { op: 'put', table: 'leads', mutationId: n + 1, record: makeLead(stamp(), { name: `Node Only ${n}`, domain: `node-only-${n}.example` }) };
    }),
  }),
);
const push = async (body: string) => {
  const response = await app.request('/v1/sync/push', { method: 'POST', headers: { authorization: `Bearer ${'x'.repeat(43)}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  JSON.parse(await response.text());
};
for (const body of bodies.splice(0, 30)) await push(body);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const body of bodies) await push(body);
const cpu = process.cpuUsage(cpu0);
console.log(`${bodies.length} pushes of ${BATCH} new leads: ${((performance.now() - t0) / bodies.length).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / bodies.length).toFixed(2)} ms CPU per push (no database); ${written} writes`);
