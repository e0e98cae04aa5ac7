import type { Caller } from '../accounts/accounts';
import type { Lead } from '../../lib/schema';
import { assignByRules } from './assignment';
import type { SyncDeps } from './push';
import { RecordCache } from './record-cache';
import { fromRow, RECORD_COLUMNS, type Row } from './record-rows';
import { TeamCounter } from './team-counter';

/**
 * Runs the team's assignment rules over the shared pool (公海): every unowned live lead a rule matches goes to
 * its assignee, with the assignment time recorded. For leads that arrived before the rules were set.
 */
export async function assignPool(deps: SyncDeps, caller: Caller): Promise<{ assigned: number; unmatched: number }> {
  const nowIso = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const counter = await TeamCounter.lock(tx, caller.teamId);
    const records = new RecordCache(tx, caller.teamId);
    const pool = (
      await tx.query<Row>(`SELECT ${RECORD_COLUMNS} FROM records WHERE team_id = $1 AND kind = 'leads' AND NOT deleted AND owner_id IS NULL ORDER BY id`, [caller.teamId])
    ).map(fromRow);
    const scope = { tx, caller, clock: deps.clock, nowIso };
    let assigned = 0;
    for (const row of pool) {
      const lead = await assignByRules(scope, row.record as Lead, { onlyUnowned: true });
      if (lead === row.record) continue;
      assigned++;
      records.put({ ...row, record: lead, authors: { ...row.authors, ownerId: caller.id, assignedAt: caller.id }, changeNo: counter.next() }, nowIso);
    }
    await records.flush();
    await counter.save();
    return { assigned, unmatched: pool.length - assigned };
  });
}
