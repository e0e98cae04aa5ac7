import type { SqlDatabase } from '../db/sql-database';

/**
 * The longest a device may stay offline and still catch up change by change. Tombstones (and conflict
 * history) older than this are purged; a client whose checkpoint is older is told to resync from scratch.
 */
export const LONGEST_OFFLINE_DAYS = 90;
export const RETENTION_MS = LONGEST_OFFLINE_DAYS * 24 * 60 * 60 * 1000;

/** Deletes tombstones deleted (by the server's clock) before the horizon; returns how many, per team. */
export async function purgeExpired(db: SqlDatabase, now: Date, retentionMs = RETENTION_MS): Promise<number> {
  const horizon = new Date(now.getTime() - retentionMs).toISOString();
  return db.transaction(async (tx) => {
    const purged = await tx.query<{ team_id: string; change_no: number }>('DELETE FROM records WHERE deleted AND deleted_at < $1 RETURNING team_id, change_no', [horizon]);
    const highest = new Map<string, number>();
    for (const row of purged) highest.set(row.team_id, Math.max(highest.get(row.team_id) ?? 0, Number(row.change_no)));
    for (const [teamId, changeNo] of highest) {
      await tx.query('UPDATE teams SET purged_through = GREATEST(purged_through, $2) WHERE id = $1', [teamId, changeNo]);
    }
    await tx.query('DELETE FROM conflicts WHERE created_at < $1', [horizon]);
    await tx.query('DELETE FROM rejections WHERE created_at < $1', [horizon]);
    return purged.length;
  });
}
