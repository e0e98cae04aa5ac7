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

/** The keys that make two leads one company: registrable domains and the credit code. */
export function companyKeys(lead: { domain?: string | null; otherDomains?: readonly string[]; creditCode?: string | null }): string[] {
  const keys = [lead.domain, ...(lead.otherDomains ?? [])].filter((key): key is string => !!key);
  if (lead.creditCode) keys.push(`cc:${lead.creditCode}`);
  return [...new Set(keys)];
}

/** The live leads of a team that are the same company: a shared domain or the same credit code. */
export async function findSameCompany(db: Queryable, teamId: string, lead: { id: string; domain: string | null; creditCode: string | null }): Promise<RecordRow[]> {
  const keys = companyKeys({ domain: lead.domain, creditCode: lead.creditCode });
  if (keys.length === 0) return [];
  const rows = await db.query<Row>(
    `SELECT id, team_id, kind, body, authors, change_no FROM records
      WHERE kind = 'leads' AND NOT deleted AND company_keys && $3::text[] AND team_id = $1 AND id <> $2
      ORDER BY id`,
    [teamId, lead.id, keys],
  );
  return rows.map(fromRow);
}

export async function loadChildren(db: Queryable, leadId: string): Promise<RecordRow[]> {
  const rows = await db.query<Row>(`SELECT id, team_id, kind, body, authors, change_no FROM records WHERE lead_id = $1 ORDER BY id`, [leadId]);
  return rows.map(fromRow);
}

/** Inserts or replaces a record; `deletedSince` is the server's time of the delete (purges go by it, not a device clock). */
export async function saveRecord(db: Queryable, row: RecordRow, nowIso: string): Promise<void> {
  const record = row.record as AnySyncRecord & { leadId?: string; domain?: string | null; otherDomains?: string[]; creditCode?: string | null };
  await db.query(
    `INSERT INTO records (id, team_id, kind, body, authors, change_no, owner_id, lead_id, company_keys, deleted, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, CASE WHEN $10 THEN $11::timestamptz END)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, authors = EXCLUDED.authors, change_no = EXCLUDED.change_no,
       owner_id = EXCLUDED.owner_id, lead_id = EXCLUDED.lead_id, company_keys = EXCLUDED.company_keys,
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
      row.table === 'leads' ? companyKeys(record) : [],
      record.deletedAt !== null,
      nowIso,
    ],
  );
}
