import type { Mutation } from '../../lib/sync/protocol';
import type { AnySyncRecord, SyncTable } from '../../lib/sync/tables';
import type { Harness, TestUser } from './harness';

let nextClient = 0;
/** A client id of its own for each simulated device. */
export const newClientId = (): string => `device-${process.pid}-${++nextClient}-${Math.random().toString(36).slice(2, 8)}`;

type MutationBody = Mutation extends infer M ? (M extends unknown ? Omit<M, 'mutationId'> : never) : never;

/** Pushes mutations numbered from `firstId`; returns the HTTP status and JSON. */
export async function push(h: Harness, user: TestUser, clientId: string, bodies: MutationBody[], firstId = 1) {
  const mutations = bodies.map((body, i) => ({ ...body, mutationId: firstId + i }));
  return h.call('POST', '/v1/sync/push', { clientId, mutations }, user.token);
}

export const put = (table: SyncTable, record: AnySyncRecord): MutationBody => ({ op: 'put', table, record: record as unknown as Record<string, unknown> });

/** Every change after `after`, following pages; the records keyed by id (latest wins). */
export async function pullAll(h: Harness, user: TestUser, after = 0, limit = 500) {
  const records = new Map<string, any>();
  const conflicts: any[] = [];
  let checkpoint = after;
  let settings: unknown = null;
  for (;;) {
    const { status, json } = await h.call('GET', `/v1/sync/pull?after=${checkpoint}&limit=${limit}`, undefined, user.token);
    if (status !== 200) throw new Error(`pull failed: ${JSON.stringify(json)}`);
    for (const change of json.changes) records.set(change.record.id, change.record);
    conflicts.push(...json.conflicts);
    settings = json.settings ?? settings;
    checkpoint = json.checkpoint;
    if (!json.hasMore) return { records, conflicts, checkpoint, settings };
  }
}
