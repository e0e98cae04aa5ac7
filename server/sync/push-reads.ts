import type { Caller } from '../accounts/accounts';
import type { Queryable } from '../db/sql-database';
import { RecordCache } from './record-cache';
import type { Row } from './record-rows';
import { SqlParams } from './sql-params';
import { TeamCounter } from './team-counter';

export interface PushReads {
  counter: TeamCounter;
  records: RecordCache;
  /** The team's settings as stored (null: the defaults), read with the lock. */
  settings: unknown;
  /** The highest mutation id of this client the server has handled (0: none). */
  lastMutationId: number;
  /** The rejections stored for mutation ids of the batch that were handled before (replays get the same answer). */
  rejections: Map<number, { code: string; message: string }>;
}

type ReadRow = Row & { source: 'team' | 'seen' | 'record' | 'client' | 'rejection' };

/**
 * Locks the team's row and reads everything a push needs, in one statement where possible: the team's counter
 * and settings, the client's last mutation id, the rejections of replayed ids, the batch's records and the
 * team's live leads with the batch's company keys.
 *
 * A statement reads one snapshot, taken before it waited for the lock; the locked row is the latest version.
 * Every transaction that writes records, rejections or a client's last id takes a change number under this
 * lock, so when the counter in the snapshot equals the locked one, nothing the push reads changed in between
 * and the reads stand. Otherwise (another push of the team committed while this one waited) they are read
 * again, now that the lock is held. One round trip instead of two, unless the team's pushes queue up.
 */
export async function lockAndReadForPush(
  tx: Queryable,
  caller: Caller,
  clientId: string,
  mutationIds: { first: number; last: number },
  referenced: { ids: readonly string[]; keys: readonly string[] },
): Promise<PushReads> {
  const first = await read(tx, caller, clientId, mutationIds, referenced, true);
  const team = first.rows.find((row) => row.source === 'team');
  if (!team) throw new Error(`team ${caller.teamId} does not exist`);
  const locked = Number(team.change_no);
  const seen = Number(first.rows.find((row) => row.source === 'seen')?.change_no);
  const { rows, records } = seen === locked ? first : await read(tx, caller, clientId, mutationIds, referenced, false);
  const reads: PushReads = { counter: TeamCounter.locked(tx, caller.teamId, locked), records, settings: team.body, lastMutationId: 0, rejections: new Map() };
  const found: Row[] = [];
  for (const row of rows) {
    if (row.source === 'record') found.push(row);
    else if (row.source === 'client') reads.lastMutationId = Number(row.change_no);
    else if (row.source === 'rejection') reads.rejections.set(Number(row.change_no), row.body as unknown as { code: string; message: string });
  }
  return reads;
}

async function read(
  tx: Queryable,
  caller: Caller,
  clientId: string,
  mutationIds: { first: number; last: number },
  referenced: { ids: readonly string[]; keys: readonly string[] },
  lock: boolean,
): Promise<{ rows: ReadRow[]; records: RecordCache }> {
  const params = new SqlParams();
  const team = lock ? params.add(caller.teamId) : '';
  const user = params.add(caller.id);
  const client = params.add(clientId);
  const records = new RecordCache(tx, caller.teamId);
  const load = records.loadQuery(referenced.ids, referenced.keys, params);
  // Typed NULLs: UNION ALL resolves the column types branch by pair, and an untyped NULL would become text.
  const none = 'NULL::text AS id, NULL::text AS team_id, NULL::text AS kind';
  const branches = [
    `SELECT 'client' AS source, ${none}, NULL::json AS body, NULL::jsonb AS versions, NULL::jsonb AS authors, last_mutation_id AS change_no FROM clients WHERE user_id = ${user} AND client_id = ${client}`,
    `SELECT 'rejection', ${none}, json_build_object('code', code, 'message', message), NULL::jsonb, NULL::jsonb, mutation_id
       FROM rejections WHERE user_id = ${user} AND client_id = ${client} AND mutation_id BETWEEN ${params.add(mutationIds.first)} AND ${params.add(mutationIds.last)}`,
    ...load.branches.map((branch) => `SELECT 'record', * FROM (${branch}) r`),
  ];
  // The locked row first, so the lock is taken before the other branches read (on the statement's snapshot).
  if (lock) {
    branches.unshift(
      `SELECT 'team' AS source, ${none}, settings::json AS body, NULL::jsonb AS versions, NULL::jsonb AS authors, change_counter AS change_no FROM locked`,
      `SELECT 'seen', ${none}, NULL::json, NULL::jsonb, NULL::jsonb, change_counter FROM teams WHERE id = ${team}`,
    );
  }
  const sql = `${lock ? `WITH locked AS MATERIALIZED (SELECT change_counter, settings FROM teams WHERE id = ${team} FOR UPDATE)\n` : ''}${branches.join('\nUNION ALL\n')}`;
  const rows = await tx.query<ReadRow>(sql, params.values, { reused: true });
  records.absorb(
    load,
    rows.filter((row) => row.source === 'record'),
  );
  return { rows, records };
}
