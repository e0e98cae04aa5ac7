import type { Caller } from '../accounts/accounts';
import type { SqlDatabase } from '../db/sql-database';
import { ApiError } from '../http/api-error';
import type { MutationResult, PushRequest, PushResponse } from '../../lib/sync/protocol';
import { applyMutation } from './apply-mutation';
import { Rejection, type PushContext } from './push-context';
import { RecordCache } from './record-cache';
import { companyKeys } from './record-rows';
import type { ServerClock } from './server-clock';
import { followMerges } from './same-company-merge';
import { TeamCounter } from './team-counter';

export interface SyncDeps {
  db: SqlDatabase;
  clock: ServerClock;
  now: () => Date;
}

/**
 * Applies a client's batch in one transaction. Mutation ids at or below the client's last one are replays:
 * acknowledged with their first answer, never applied twice. A rejected mutation is acknowledged too (it
 * advances the client's last id), so one bad record never wedges the outbox behind it.
 */
export async function applyPush(deps: SyncDeps, caller: Caller, request: PushRequest): Promise<PushResponse> {
  request.mutations.forEach((m, i) => {
    const before = request.mutations[i - 1];
    if (before && m.mutationId <= before.mutationId) throw new ApiError('invalid_request', `mutation ids must increase within a batch: ${m.mutationId} follows ${before.mutationId}`);
  });
  const nowIso = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const counter = await TeamCounter.lock(tx, caller.teamId);
    const records = new RecordCache(tx, caller.teamId);
    await records.prefetch(...referencedKeys(request));
    const ctx: PushContext = { tx, caller, counter, records, clock: deps.clock, nowIso };
    const stored = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM clients WHERE user_id = $1 AND client_id = $2', [caller.id, request.clientId]);
    const previousLast = Number(stored[0]?.last_mutation_id ?? 0);
    let last = previousLast;
    const results: MutationResult[] = [];
    for (const m of request.mutations) {
      if (m.mutationId <= previousLast) {
        results.push(await replayedResult(ctx, request.clientId, m));
        continue;
      }
      results.push(await applyOne(ctx, request.clientId, m));
      last = m.mutationId;
    }
    if (last !== previousLast) {
      await tx.query(
        `INSERT INTO clients (user_id, client_id, last_mutation_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, client_id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, updated_at = EXCLUDED.updated_at`,
        [caller.id, request.clientId, last, nowIso],
      );
    }
    await records.flush();
    await counter.save();
    return { results, lastMutationId: last };
  });
}

/** The records a batch names (its records and their leads) and the company keys of its leads, to load at once. */
function referencedKeys(request: PushRequest): [string[], string[]] {
  const ids: string[] = [];
  const keys: string[] = [];
  for (const m of request.mutations) {
    const source = m.op === 'put' ? m.record : m.fields;
    const id = mutationRecordId(m);
    if (id) ids.push(id);
    if (typeof source.leadId === 'string') ids.push(source.leadId);
    if (m.table === 'leads') keys.push(...companyKeys(source as never));
  }
  return [ids, keys];
}

const mutationRecordId = (m: PushRequest['mutations'][number]): string | null => (m.op === 'patch' ? m.id : typeof m.record.id === 'string' ? m.record.id : null);

async function currentCopy(ctx: PushContext, id: string | null): Promise<Record<string, unknown> | null> {
  if (id === null) return null;
  const row = await ctx.records.get(id);
  return row && row.teamId === ctx.caller.teamId ? (row.record as unknown as Record<string, unknown>) : null;
}

async function applyOne(ctx: PushContext, clientId: string, m: PushRequest['mutations'][number]): Promise<MutationResult> {
  try {
    const { redirect } = await applyMutation(ctx, m);
    return { mutationId: m.mutationId, status: 'applied', replayed: false, ...(redirect ? { redirect } : {}) };
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    await ctx.tx.query('INSERT INTO rejections (user_id, client_id, mutation_id, code, message, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      ctx.caller.id,
      clientId,
      m.mutationId,
      error.code,
      error.message,
      ctx.nowIso,
    ]);
    return { mutationId: m.mutationId, status: 'rejected', replayed: false, rejection: { code: error.code, message: error.message }, current: await currentCopy(ctx, mutationRecordId(m)) };
  }
}

/** The answer a mutation got the first time, with the record as it is now (to revert to, or to follow). */
async function replayedResult(ctx: PushContext, clientId: string, m: PushRequest['mutations'][number]): Promise<MutationResult> {
  const id = mutationRecordId(m);
  const rejection = (
    await ctx.tx.query<{ code: string; message: string }>('SELECT code, message FROM rejections WHERE user_id = $1 AND client_id = $2 AND mutation_id = $3', [ctx.caller.id, clientId, m.mutationId])
  )[0];
  if (rejection) return { mutationId: m.mutationId, status: 'rejected', replayed: true, rejection, current: await currentCopy(ctx, id) };
  if (m.table === 'leads' && id !== null) {
    const survivor = await followMerges(async (at) => {
      const row = await ctx.records.get(at);
      return row && row.teamId === ctx.caller.teamId ? row : null;
    }, id);
    if (survivor && survivor.id !== id) return { mutationId: m.mutationId, status: 'applied', replayed: true, redirect: { from: id, to: survivor.id } };
  }
  return { mutationId: m.mutationId, status: 'applied', replayed: true };
}
