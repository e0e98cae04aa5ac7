import type { LostValue } from '../../lib/sync/merge-record';
import type { SyncTable } from '../../lib/sync/tables';
import type { PushContext } from './push-context';
import { authorOf, type Authors } from './record-rows';
import type { WriteBatch } from './write-batch';

/** A value that lost a conflict, addressed to whoever wrote it, to be stored with the push's other writes. */
export interface ConflictEntry {
  team_id: string;
  change_no: number;
  author_id: string;
  kind: SyncTable;
  record_id: string;
  body: Record<string, unknown>;
  created_at: string;
}

/** Keeps each losing value in the record's history, addressed to whoever wrote it (they see it on their next pull). */
export function recordLostValues(ctx: PushContext, table: SyncTable, recordId: string, lost: readonly LostValue[], authors: Authors): void {
  for (const loss of lost) {
    const author = loss.loser === 'incoming' ? ctx.caller.id : authorOf(authors, loss.field);
    if (!author) continue;
    const body = { table, recordId, field: loss.field, lostValue: loss.lostValue, lostVersion: loss.lostVersion, keptValue: loss.keptValue, keptVersion: loss.keptVersion, at: ctx.nowIso };
    ctx.conflicts.push({ team_id: ctx.caller.teamId, change_no: ctx.counter.next(), author_id: author, kind: table, record_id: recordId, body, created_at: ctx.nowIso });
  }
}

export function writeConflicts(batch: WriteBatch, conflicts: readonly ConflictEntry[]): void {
  if (conflicts.length === 0) return;
  batch.add(
    `INSERT INTO conflicts (team_id, change_no, author_id, kind, record_id, body, created_at)
     SELECT team_id, change_no, author_id, kind, record_id, body, created_at
       FROM jsonb_to_recordset(${batch.params.add(JSON.stringify(conflicts))}::jsonb)
         AS c(team_id text, change_no bigint, author_id text, kind text, record_id text, body jsonb, created_at timestamptz)`,
  );
}
