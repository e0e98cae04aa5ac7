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

/** A row of the records table as the drivers return it. */
export interface Row {
  id: string;
  team_id: string;
  kind: SyncTable;
  body: AnySyncRecord;
  authors: Record<string, string>;
  change_no: number;
}

export const RECORD_COLUMNS = 'id, team_id, kind, body, authors, change_no';

export const fromRow = (row: Row): RecordRow => ({ id: row.id, teamId: row.team_id, table: row.kind, record: row.body, authors: row.authors, changeNo: Number(row.change_no) });

export async function loadRecord(db: Queryable, id: string): Promise<RecordRow | null> {
  const row = (await db.query<Row>(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = $1`, [id]))[0];
  return row ? fromRow(row) : null;
}

/** The keys that make two leads one company: registrable domains and the credit code. */
export function companyKeys(lead: { domain?: string | null; otherDomains?: readonly string[]; creditCode?: string | null }): string[] {
  const keys = [lead.domain, ...(lead.otherDomains ?? [])].filter((key): key is string => !!key);
  if (lead.creditCode) keys.push(`cc:${lead.creditCode}`);
  return [...new Set(keys)];
}
