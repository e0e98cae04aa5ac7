import type { Queryable } from '../db/sql-database';
import type { AnySyncRecord, SyncTable } from '../../lib/sync/tables';

/** A synced record as stored: its body, who wrote each field, and its latest change number. */
export interface RecordRow {
  id: string;
  teamId: string;
  table: SyncTable;
  record: AnySyncRecord;
  authors: Record<string, string>;
  changeNo: number;
}

interface Row {
  id: string;
  team_id: string;
  kind: SyncTable;
  body: AnySyncRecord;
  authors: Record<string, string>;
  change_no: number;
}

const fromRow = (row: Row): RecordRow => ({ id: row.id, teamId: row.team_id, table: row.kind, record: row.body, authors: row.authors, changeNo: Number(row.change_no) });

export async function loadRecord(db: Queryable, id: string): Promise<RecordRow | null> {
  const row = (await db.query<Row>('SELECT id, team_id, kind, body, authors, change_no FROM records WHERE id = $1', [id]))[0];
  return row ? fromRow(row) : null;
}

/** The live leads of a team that are the same company: same registrable domain or same credit code. */
export async function findSameCompany(db: Queryable, teamId: string, lead: { id: string; domain: string | null; creditCode: string | null }): Promise<RecordRow[]> {
  if (lead.domain === null && lead.creditCode === null) return [];
  const rows = await db.query<Row>(
    `SELECT id, team_id, kind, body, authors, change_no FROM records
      WHERE team_id = $1 AND kind = 'leads' AND NOT deleted AND id <> $2
        AND ((domain IS NOT NULL AND domain = $3) OR (credit_code IS NOT NULL AND credit_code = $4) OR (body->'otherDomains') ? $5)
      ORDER BY id`,
    [teamId, lead.id, lead.domain, lead.creditCode, lead.domain ?? ''],
  );
  return rows.map(fromRow);
}

export async function loadChildren(db: Queryable, leadId: string): Promise<RecordRow[]> {
  const rows = await db.query<Row>(`SELECT id, team_id, kind, body, authors, change_no FROM records WHERE lead_id = $1 ORDER BY id`, [leadId]);
  return rows.map(fromRow);
}

/** Inserts or replaces a record; `deletedSince` is the server's time of the delete (purges go by it, not a device clock). */
export async function saveRecord(db: Queryable, row: RecordRow, nowIso: string): Promise<void> {
  const record = row.record as AnySyncRecord & { leadId?: string; domain?: string | null; creditCode?: string | null };
  await db.query(
    `INSERT INTO records (id, team_id, kind, body, authors, change_no, owner_id, lead_id, domain, credit_code, deleted, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11 THEN $12::timestamptz END)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, authors = EXCLUDED.authors, change_no = EXCLUDED.change_no,
       owner_id = EXCLUDED.owner_id, lead_id = EXCLUDED.lead_id, domain = EXCLUDED.domain, credit_code = EXCLUDED.credit_code,
       deleted = EXCLUDED.deleted, deleted_at = CASE WHEN EXCLUDED.deleted THEN COALESCE(records.deleted_at, EXCLUDED.deleted_at) END`,
    [
      row.id,
      row.teamId,
      row.table,
      JSON.stringify(record),
      JSON.stringify(row.authors),
      row.changeNo,
      record.ownerId,
      record.leadId ?? null,
      row.table === 'leads' ? (record.domain ?? null) : null,
      row.table === 'leads' ? (record.creditCode ?? null) : null,
      record.deletedAt !== null,
      nowIso,
    ],
  );
}
