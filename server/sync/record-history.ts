import type { Caller } from '../accounts/accounts';
import { ApiError } from '../http/api-error';
import type { RecordHistoryResponse } from '../../lib/sync/protocol';
import type { SyncDeps } from './push';
import { loadRecord } from './record-rows';

/** The values that lost a same-field conflict on a record of the caller's team, with who wrote them. */
export async function recordHistory(deps: SyncDeps, caller: Caller, recordId: string): Promise<RecordHistoryResponse> {
  const row = await loadRecord(deps.db, recordId);
  if (!row || row.teamId !== caller.teamId) throw new ApiError('not_found', `record ${recordId} is not in your team: sync, then try again`);
  const rows = await deps.db.query<{ change_no: number; author_id: string; body: Record<string, unknown> }>(
    'SELECT change_no, author_id, body FROM conflicts WHERE team_id = $1 AND record_id = $2 ORDER BY change_no',
    [caller.teamId, recordId],
  );
  return { entries: rows.map((r) => ({ changeNo: Number(r.change_no), authorId: r.author_id, ...(r.body as Omit<RecordHistoryResponse['entries'][number], 'changeNo' | 'authorId'>) })) };
}
