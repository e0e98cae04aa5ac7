import type { Caller } from '../accounts/accounts';
import type { Change, ConflictNotice, PullRequest, PullResponse } from '../../lib/sync/protocol';
import type { AnySyncRecord, SyncTable } from '../../lib/sync/tables';
import type { SyncDeps } from './push';
import { storedRecord } from './record-rows';
import type { PackedVersions } from './packed-versions';

/**
 * Bytes of record bodies per pull page by default. A page of a thousand leads is about a megabyte, but five
 * hundred activities with long email summaries could be thirty: past this, the page ends early (hasMore), so
 * an answer stays well inside a device's timeout on a slow connection.
 */
export const MAX_PULL_BYTES = 4 * 1024 * 1024;

interface Row {
  bytes: number;
  change_no: number;
  source: 'record' | 'conflict';
  kind: SyncTable;
  /** A record's body, or a conflict notice. */
  body: AnySyncRecord;
  versions: PackedVersions | null;
}

/**
 * The caller's team's changes after a checkpoint, oldest first, with the conflicts addressed to the caller.
 * The team's counter is read first and only changes at or below it are returned: a push that commits while
 * this page is read has higher numbers, so the next checkpoint can never pass it.
 */
export async function pullChanges(deps: SyncDeps, caller: Caller, request: PullRequest): Promise<PullResponse> {
  const team = (
    await deps.db.query<{ change_counter: number; purged_through: number; settings: unknown; settings_change_no: number }>(
      'SELECT change_counter, purged_through, settings, settings_change_no FROM teams WHERE id = $1',
      [caller.teamId],
    )
  )[0];
  if (!team) throw new Error(`team ${caller.teamId} of a signed-in user is missing`);
  const counter = Number(team.change_counter);
  const serverClock = deps.clock.current();
  // Older than the purge horizon, or ahead of the team's counter (the database was restored from a backup,
  // or the device synced with another server): the device cannot catch up change by change.
  if ((request.after > 0 && request.after < Number(team.purged_through)) || request.after > counter) {
    return { changes: [], conflicts: [], settings: null, checkpoint: 0, hasMore: true, resyncRequired: true, serverClock };
  }
  const rows = await deps.db.query<Row>(
    `SELECT change_no, source, kind, body, versions, bytes FROM (
       SELECT change_no, 'record' AS source, kind, body, versions, octet_length(body::text) AS bytes FROM records WHERE team_id = $1 AND change_no > $2 AND change_no <= $3
       UNION ALL
       SELECT change_no, 'conflict' AS source, kind, body::json, NULL::jsonb, 0 FROM conflicts WHERE team_id = $1 AND author_id = $4 AND change_no > $2 AND change_no <= $3
     ) page ORDER BY change_no LIMIT $5`,
    [caller.teamId, request.after, counter, caller.id, request.limit + 1],
  );
  // At least one change per page, however large, so that a pull always moves on.
  let end = Math.min(rows.length, request.limit);
  const maxBytes = deps.maxPullBytes ?? MAX_PULL_BYTES;
  for (let i = 0, bytes = 0; i < end; i++) {
    bytes += Number(rows[i]!.bytes);
    if (bytes > maxBytes && i > 0) end = i;
  }
  const hasMore = rows.length > end;
  const page = rows.slice(0, end);
  const changes: Change[] = [];
  const conflicts: ConflictNotice[] = [];
  for (const row of page) {
    const changeNo = Number(row.change_no);
    if (row.source === 'record') changes.push({ changeNo, table: row.kind, record: storedRecord(row) } as Change);
    else conflicts.push({ changeNo, ...(row.body as unknown as Omit<ConflictNotice, 'changeNo'>) });
  }
  const checkpoint = hasMore ? Number(page[page.length - 1]!.change_no) : Math.max(counter, request.after);
  const settingsChanged = Number(team.settings_change_no) > request.after && team.settings !== null;
  return { changes, conflicts, settings: settingsChanged ? (team.settings as PullResponse['settings']) : null, checkpoint, hasMore, resyncRequired: false, serverClock };
}
