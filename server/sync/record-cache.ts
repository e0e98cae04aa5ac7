import type { Queryable } from '../db/sql-database';
import type { AnySyncRecord } from '../../lib/sync/tables';
import { companyKeys, fromRow, RECORD_COLUMNS as COLUMNS, type RecordRow, type Row } from './record-rows';

const isLiveLead = (row: RecordRow) => row.table === 'leads' && row.record.deletedAt === null;

/**
 * The records one push transaction reads and writes: read once (a batch's records in one query), changed in
 * memory, written back in one statement at the end. Saves a few round trips per mutation, which is most of
 * the cost of a push. Only valid inside the push transaction that holds the team's lock.
 */
export class RecordCache {
  private readonly rows = new Map<string, RecordRow | null>();
  private readonly dirty = new Map<string, { row: RecordRow; nowIso: string }>();
  /** Company keys whose live leads in the database are all in `rows` already. */
  private readonly loadedKeys = new Set<string>();

  constructor(
    private readonly tx: Queryable,
    private readonly teamId: string,
  ) {}

  /** Loads these records (and the live leads with these company keys) in two queries. */
  async prefetch(ids: readonly string[], keys: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.rows.has(id));
    if (missing.length) {
      const found = await this.tx.query<Row>(`SELECT ${COLUMNS} FROM records WHERE id = ANY($1::text[])`, [missing]);
      for (const id of missing) this.rows.set(id, null);
      for (const row of found) this.rows.set(row.id, fromRow(row));
    }
    await this.loadCompanies(keys);
  }

  async get(id: string): Promise<RecordRow | null> {
    if (!this.rows.has(id)) await this.prefetch([id], []);
    return this.rows.get(id) ?? null;
  }

  put(row: RecordRow, nowIso: string): void {
    this.rows.set(row.id, row);
    this.dirty.set(row.id, { row, nowIso });
  }

  private async loadCompanies(keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.loadedKeys.has(key));
    if (missing.length === 0) return;
    const found = await this.tx.query<Row>(
      `SELECT ${COLUMNS} FROM records WHERE kind = 'leads' AND NOT deleted AND company_keys && $2::text[] AND team_id = $1`,
      [this.teamId, missing],
    );
    for (const row of found) if (!this.rows.has(row.id)) this.rows.set(row.id, fromRow(row));
    missing.forEach((key) => this.loadedKeys.add(key));
  }

  /** The team's live leads sharing a company key with `lead`, as this transaction sees them, oldest id first. */
  async sameCompany(lead: { id: string; domain: string | null; creditCode: string | null }): Promise<RecordRow[]> {
    const keys = companyKeys({ domain: lead.domain, creditCode: lead.creditCode });
    if (keys.length === 0) return [];
    await this.loadCompanies(keys);
    const wanted = new Set(keys);
    return [...this.rows.values()]
      .filter((row): row is RecordRow => row !== null && row.id !== lead.id && row.teamId === this.teamId && isLiveLead(row))
      .filter((row) => companyKeys(row.record as never).some((key) => wanted.has(key)))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The contacts, activities and tasks of a lead, including ones changed earlier in this transaction. */
  async children(leadId: string): Promise<RecordRow[]> {
    const stored = await this.tx.query<Row>(`SELECT ${COLUMNS} FROM records WHERE lead_id = $1`, [leadId]);
    for (const row of stored) if (!this.rows.has(row.id)) this.rows.set(row.id, fromRow(row));
    return [...this.rows.values()]
      .filter((row): row is RecordRow => row !== null && row.table !== 'leads' && (row.record as { leadId?: string }).leadId === leadId)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Writes every changed record in one statement (column arrays through unnest: cheaper than a JSON recordset). */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    const rows = [...this.dirty.values()];
    this.dirty.clear();
    const column = <T>(pick: (row: RecordRow, nowIso: string) => T): T[] => rows.map(({ row, nowIso }) => pick(row, nowIso));
    const deleted = (row: RecordRow) => row.record.deletedAt !== null;
    await this.tx.query(
      `INSERT INTO records (id, team_id, kind, body, authors, change_no, owner_id, lead_id, company_keys, deleted, deleted_at)
       SELECT id, team_id, kind, body, authors, change_no, owner_id, lead_id, string_to_array(keys, E'\\n'), deleted, deleted_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::timestamptz[])
           AS r(id, team_id, kind, body, authors, change_no, owner_id, lead_id, keys, deleted, deleted_at)
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, authors = EXCLUDED.authors, change_no = EXCLUDED.change_no,
         owner_id = EXCLUDED.owner_id, lead_id = EXCLUDED.lead_id, company_keys = EXCLUDED.company_keys,
         deleted = EXCLUDED.deleted, deleted_at = CASE WHEN EXCLUDED.deleted THEN COALESCE(records.deleted_at, EXCLUDED.deleted_at) END`,
      [
        column((row) => row.id),
        column((row) => row.teamId),
        column((row) => row.table),
        column((row) => JSON.stringify(row.record)),
        column((row) => JSON.stringify(row.authors)),
        column((row) => row.changeNo),
        column((row) => row.record.ownerId),
        column((row) => (row.record as { leadId?: string }).leadId ?? null),
        // Domains and credit codes never contain a newline, so it separates a record's keys.
        column((row) => (row.table === 'leads' ? companyKeys(row.record as never).join('\n') : '')),
        column(deleted),
        column((row, nowIso) => (deleted(row) ? nowIso : null)),
      ],
    );
  }
}
