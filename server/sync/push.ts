import type { Caller } from '../accounts/accounts';
import type { Queryable, SqlDatabase } from '../db/sql-database';
import { ApiError } from '../http/api-error';
import type { MutationResult, PushRequest, PushResponse } from '../../lib/sync/protocol';
import { applyMutation, parseMutation, type ParsedMutation } from './apply-mutation';
import { Rejection, type PushContext } from './push-context';
import { writeConflicts } from './conflicts';
import { lockAndReadForPush, type PushReads } from './push-reads';
import type { RecordCache } from './record-cache';
import { companyKeys } from './record-rows';
import type { ServerClock } from './server-clock';
import { followMerges } from './same-company-merge';
import { WriteBatch } from './write-batch';

export interface SyncDeps {
  db: SqlDatabase;
  clock: ServerClock;
  now: () => Date;
  /** Bytes of records per pull page; see pull.ts. */
  maxPullBytes?: number;
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
  const first = request.mutations[0]!.mutationId;
  const final = request.mutations[request.mutations.length - 1]!.mutationId;
  return deps.db.transaction(async (tx) => {
    // The reads go out first and the first records are validated while the database answers them: on
    // PostgreSQL (pipelined) Node's work and the database's overlap instead of taking turns.
    const reading = lockAndReadForPush(tx, caller, request.clientId, { first, last: final }, referencedKeys(request));
    reading.catch(() => {});
    const prepared = new Preparer(request.mutations);
    prepared.through(VALIDATED_DURING_READS);
    const { counter, records, settings, ...client } = await reading;
    const ctx: PushContext = { tx, caller, counter, records, clock: deps.clock, nowIso, storedSettings: settings, conflicts: [] };
    const rejected: RejectionEntry[] = [];
    const previousLast = client.lastMutationId;
    let last = previousLast;
    const results: MutationResult[] = [];
    // Records are written in parts as the batch goes, without waiting for the answers: the database stores one
    // part while this process applies the next. Each part is an upsert in the same transaction (a record that
    // a later mutation changes again is written again), so the batch stays all or nothing.
    const writes: Promise<void>[] = [];
    for (const [i, m] of request.mutations.entries()) {
      if (m.mutationId <= previousLast) {
        results.push(await replayedResult(ctx, client, m));
        continue;
      }
      results.push(await applyOne(ctx, request.clientId, m, prepared.at(i), rejected));
      last = m.mutationId;
      if (records.unwritten >= WRITE_PART && i < request.mutations.length - 1) writes.push(writePart(tx, records));
    }
    // Every push that writes takes a change number, even one that only stores rejections: lockAndReadForPush
    // relies on it to know that nothing it read changed while it waited for the lock.
    if (last !== previousLast && !counter.moved) counter.next();
    const batch = new WriteBatch();
    records.writeTo(batch);
    writeConflicts(batch, ctx.conflicts);
    if (rejected.length) {
      batch.add(
        `INSERT INTO rejections (user_id, client_id, mutation_id, code, message, created_at)
         SELECT user_id, client_id, mutation_id, code, message, created_at
           FROM jsonb_to_recordset(${batch.params.add(JSON.stringify(rejected))}::jsonb)
             AS r(user_id text, client_id text, mutation_id bigint, code text, message text, created_at timestamptz)`,
      );
    }
    if (last !== previousLast) {
      const p = (value: unknown) => batch.params.add(value);
      batch.add(
        `INSERT INTO clients (user_id, client_id, last_mutation_id, updated_at) VALUES (${p(caller.id)}, ${p(request.clientId)}, ${p(last)}, ${p(nowIso)})
         ON CONFLICT (user_id, client_id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, updated_at = EXCLUDED.updated_at`,
      );
    }
    counter.writeTo(batch);
    // The push's last statement. Alone, it is committed in the same round trip. After parts, the commit waits
    // for every part's answer: a part refused before it reached the database (the driver, a dropped connection)
    // leaves the transaction open, and committing behind it would keep the other parts. A failed part fails
    // the push (the first error in time is the one thrown) and the transaction is rolled back.
    await Promise.all([...writes, batch.run(tx, { last: writes.length === 0 })]);
    return { results, lastMutationId: last };
  });
}

/** How many mutations are validated before the push's reads are awaited (they are answered meanwhile). */
const VALIDATED_DURING_READS = 20;
/** Records per part of a push's writes (see applyPush). */
export const WRITE_PART = 25;

/** Sends the records changed so far, without waiting for the answer (awaited with the push's last statement). */
function writePart(tx: Queryable, records: RecordCache): Promise<void> {
  const part = new WriteBatch();
  records.writeTo(part);
  const written = part.run(tx);
  // Awaited at the end; until then a failure must not count as unhandled.
  written.catch(() => {});
  return written;
}

/** Validates the batch's mutations as the push reaches them (see parseMutation), each once. */
class Preparer {
  private readonly done: (ParsedMutation | Rejection)[] = [];

  constructor(private readonly mutations: PushRequest['mutations']) {}

  /** Validates the first `count` mutations now (while the database answers the push's reads). */
  through(count: number): void {
    for (let i = this.done.length; i < Math.min(count, this.mutations.length); i++) this.done.push(prepare(this.mutations[i]!));
  }

  at(index: number): ParsedMutation | Rejection {
    this.through(index + 1);
    return this.done[index]!;
  }
}

interface RejectionEntry {
  user_id: string;
  client_id: string;
  mutation_id: number;
  code: string;
  message: string;
  created_at: string;
}

/**
 * The records a batch names (its records and their leads) and the company keys of its leads, to load at once.
 * Read from the mutations before they are validated, so only what has the right type is taken: anything
 * missed here is loaded when it is needed.
 */
function referencedKeys(request: PushRequest): { ids: string[]; keys: string[] } {
  const ids: string[] = [];
  const keys: string[] = [];
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  for (const m of request.mutations) {
    const source = m.op === 'put' ? m.record : m.fields;
    const id = mutationRecordId(m);
    if (id) ids.push(id);
    if (typeof source.leadId === 'string') ids.push(source.leadId);
    if (m.table === 'leads') {
      const otherDomains = Array.isArray(source.otherDomains) ? source.otherDomains.filter((key): key is string => typeof key === 'string') : [];
      keys.push(...companyKeys({ domain: text(source.domain), otherDomains, creditCode: text(source.creditCode) }));
    }
  }
  return { ids, keys };
}

/** A mutation validated, or why it is refused (acknowledged like any other refusal when it is applied). */
function prepare(m: PushRequest['mutations'][number]): ParsedMutation | Rejection {
  try {
    return parseMutation(m);
  } catch (error) {
    if (error instanceof Rejection) return error;
    throw error;
  }
}

const mutationRecordId = (m: PushRequest['mutations'][number]): string | null => (m.op === 'patch' ? m.id : typeof m.record.id === 'string' ? m.record.id : null);

async function currentCopy(ctx: PushContext, id: string | null): Promise<Record<string, unknown> | null> {
  if (id === null) return null;
  const row = await ctx.records.get(id);
  return row && row.teamId === ctx.caller.teamId ? (row.record as unknown as Record<string, unknown>) : null;
}

async function applyOne(ctx: PushContext, clientId: string, m: PushRequest['mutations'][number], prepared: ParsedMutation | Rejection, rejected: RejectionEntry[]): Promise<MutationResult> {
  try {
    if (prepared instanceof Rejection) throw prepared;
    const { redirect } = await applyMutation(ctx, prepared);
    return { mutationId: m.mutationId, status: 'applied', replayed: false, ...(redirect ? { redirect } : {}) };
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    rejected.push({ user_id: ctx.caller.id, client_id: clientId, mutation_id: m.mutationId, code: error.code, message: error.message, created_at: ctx.nowIso });
    return { mutationId: m.mutationId, status: 'rejected', replayed: false, rejection: { code: error.code, message: error.message }, current: await currentCopy(ctx, mutationRecordId(m)) };
  }
}

/** The answer a mutation got the first time, with the record as it is now (to revert to, or to follow). */
async function replayedResult(ctx: PushContext, client: Pick<PushReads, 'rejections'>, m: PushRequest['mutations'][number]): Promise<MutationResult> {
  const id = mutationRecordId(m);
  const rejection = client.rejections.get(m.mutationId);
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
