import type { Queryable } from '../db/sql-database';
import type { AnySyncRecord, SyncTable } from '../../lib/sync/tables';
import { unpackVersions, type PackedVersions } from './packed-versions';

/**
 * Who wrote each field's current value (the author of a value that later loses a conflict is told). `*` names
 * the author of every field not listed: a new record's writer, which keeps a lead's row a third smaller than
 * listing its forty-odd fields (rows written before list every field, and read the same).
 */
export type Authors = Record<string, string>;

const EVERY_FIELD = '*';

export const authoredBy = (userId: string): Authors => ({ [EVERY_FIELD]: userId });

export const authorOf = (authors: Authors, field: string): string | undefined => authors[field] ?? authors[EVERY_FIELD];

/** A synced record as stored: its body, who wrote each field, and its latest change number. */
export interface RecordRow {
  id: string;
  teamId: string;
  table: SyncTable;
  record: AnySyncRecord;
  authors: Authors;
  changeNo: number;
}

/** A row of the records table as the drivers return it. */
export interface Row {
  id: string;
  team_id: string;
  kind: SyncTable;
  /** The record without its `versions`, or with them in a row written before they had their own column. */
  body: AnySyncRecord;
  versions: PackedVersions | null;
  authors: Authors;
  change_no: number;
}

export const RECORD_COLUMNS = 'id, team_id, kind, body, versions, authors, change_no';

/** The stored record whole again: its body with its stamps (the body is the driver's fresh copy, completed in place). */
export function storedRecord(row: Pick<Row, 'body' | 'versions'>): AnySyncRecord {
  if (row.versions !== null) row.body.versions = unpackVersions(row.versions);
  return row.body;
}

export const fromRow = (row: Row): RecordRow => ({ id: row.id, teamId: row.team_id, table: row.kind, record: storedRecord(row), authors: row.authors, changeNo: Number(row.change_no) });

export async function loadRecord(db: Queryable, id: string): Promise<RecordRow | null> {
  const row = (await db.query<Row>(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = $1`, [id]))[0];
  return row ? fromRow(row) : null;
}

/** The keys that make two leads one company: registrable domains and the credit code. */
export function companyKeys(lead: { domain?: string | null; otherDomains?: readonly string[]; creditCode?: string | null }): string[] {
  // Asked four times for each pushed lead: built in one array, duplicates skipped as they come.
  const keys: string[] = [];
  const add = (key: string | null | undefined) => {
    if (key && !keys.includes(key)) keys.push(key);
  };
  add(lead.domain);
  for (const domain of lead.otherDomains ?? []) add(domain);
  if (lead.creditCode) add(`cc:${lead.creditCode}`);
  return keys;
}
