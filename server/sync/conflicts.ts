import type { LostValue } from '../../lib/sync/merge-record';
import type { SyncTable } from '../../lib/sync/tables';
import type { PushContext } from './push-context';

/** Keeps each losing value in the record's history, addressed to whoever wrote it (they see it on their next pull). */
export async function recordLostValues(ctx: PushContext, table: SyncTable, recordId: string, lost: readonly LostValue[], authors: Record<string, string>): Promise<void> {
  for (const loss of lost) {
    const author = loss.loser === 'incoming' ? ctx.caller.id : authors[loss.field];
    if (!author) continue;
    const body = { table, recordId, field: loss.field, lostValue: loss.lostValue, lostVersion: loss.lostVersion, keptValue: loss.keptValue, keptVersion: loss.keptVersion, at: ctx.nowIso };
    await ctx.tx.query('INSERT INTO conflicts (team_id, change_no, author_id, kind, record_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      ctx.caller.teamId,
      ctx.counter.next(),
      author,
      table,
      recordId,
      JSON.stringify(body),
      ctx.nowIso,
    ]);
  }
}
