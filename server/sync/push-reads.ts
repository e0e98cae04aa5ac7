import type { Caller } from '../accounts/accounts';
import type { Queryable } from '../db/sql-database';
import type { RecordCache } from './record-cache';
import type { Row } from './record-rows';
import { SqlParams } from './sql-params';

export interface ClientState {
  /** The highest mutation id of this client the server has handled (0: none). */
  lastMutationId: number;
  /** The rejections stored for mutation ids of the batch that were handled before (replays get the same answer). */
  rejections: Map<number, { code: string; message: string }>;
}

type ReadRow = Row & { source: 'record' | 'client' | 'rejection' };

/**
 * Everything a push reads, in one statement taken after the team's lock (so it sees every earlier push of the
 * team): the client's last mutation id, the rejections of replayed ids, the batch's records and the team's
 * live leads with the batch's company keys (into `records`). One round trip instead of three.
 */
export async function readForPush(
  tx: Queryable,
  caller: Caller,
  clientId: string,
  mutationIds: { first: number; last: number },
  records: RecordCache,
  referenced: { ids: readonly string[]; keys: readonly string[] },
): Promise<ClientState> {
  const params = new SqlParams();
  const user = params.add(caller.id);
  const client = params.add(clientId);
  const load = records.loadQuery(referenced.ids, referenced.keys, params);
  const sql = [
    `SELECT 'client' AS source, NULL AS id, NULL AS team_id, NULL AS kind, NULL::jsonb AS body, NULL::jsonb AS authors, last_mutation_id AS change_no
       FROM clients WHERE user_id = ${user} AND client_id = ${client}`,
    `SELECT 'rejection', NULL, NULL, NULL, jsonb_build_object('code', code, 'message', message), NULL, mutation_id
       FROM rejections WHERE user_id = ${user} AND client_id = ${client} AND mutation_id BETWEEN ${params.add(mutationIds.first)} AND ${params.add(mutationIds.last)}`,
    ...load.branches.map((branch) => `SELECT 'record', * FROM (${branch}) r`),
  ].join('\nUNION ALL\n');
  const rows = await tx.query<ReadRow>(sql, params.values);
  const state: ClientState = { lastMutationId: 0, rejections: new Map() };
  const found: Row[] = [];
  for (const row of rows) {
    if (row.source === 'record') found.push(row);
    else if (row.source === 'client') state.lastMutationId = Number(row.change_no);
    else state.rejections.set(Number(row.change_no), row.body as unknown as { code: string; message: string });
  }
  records.absorb(load, found);
  return state;
}
