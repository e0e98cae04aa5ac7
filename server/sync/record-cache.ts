import type { Queryable } from '../db/sql-database';
import { companyKeys, fromRow, RECORD_COLUMNS as COLUMNS, type RecordRow, type Row } from './record-rows';
import type { AnySyncRecord } from '../../lib/sync/tables';
import { packVersions } from './packed-versions';
import { SqlParams } from './sql-params';
import { WriteBatch } from './write-batch';

const NO_IDS: ReadonlySet<string> = new Set();

const isLiveLead = (row: RecordRow) => row.table === 'leads' && row.record.deletedAt === null;

/** A read of records and company keys, as SELECT branches another statement can share (see `loadQuery`). */
export interface CacheLoad {
  branches: string[];
  ids: string[];
  keys: string[];
}

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
  /** The team's live leads in `rows` by company key, kept current as rows change (a lookup per new lead). */
  private readonly byKey = new Map<string, Set<string>>();
  private readonly indexedKeys = new Map<string, string[]>();

  constructor(
    private readonly tx: Queryable,
    private readonly teamId: string,
  ) {}

  /**
   * The SELECT branches, of the columns `RECORD_COLUMNS`, that load these records and the team's live leads
   * with these company keys; pass the rows to `absorb`. A caller may run them with other reads in one statement.
   */
  loadQuery(ids: readonly string[], keys: readonly string[], params: SqlParams): CacheLoad {
    const load: CacheLoad = { branches: [], ids: [...new Set(ids)].filter((id) => !this.rows.has(id)), keys: [...new Set(keys)].filter((key) => !this.loadedKeys.has(key)) };
    if (load.ids.length) load.branches.push(`SELECT ${COLUMNS} FROM records WHERE id = ANY(${params.add(load.ids)}::text[])`);
    // One GIN probe per key, whatever the table's statistics say. The LATERAL subquery with OFFSET 0 is planned
    // per key and kept apart from the join and from the team filter: planned as one join on a table that has
    // no statistics yet (a new server's first minutes), PostgreSQL compared every lead with every key, or
    // walked the team's index, growing slower with each lead.
    if (load.keys.length) {
      load.branches.push(
        `SELECT ${COLUMNS} FROM unnest(${params.add(load.keys)}::text[]) AS k(key)
           CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM records WHERE company_keys && ARRAY[k.key] AND kind = 'leads' AND NOT deleted OFFSET 0) same_company
         WHERE team_id = ${params.add(this.teamId)}`,
      );
    }
    return load;
  }

  /** Takes in what a `loadQuery` read. Rows changed in this transaction already are kept as they are. */
  absorb(load: CacheLoad, found: readonly Row[]): void {
    for (const row of found) this.remember(fromRow(row));
    for (const id of load.ids) if (!this.rows.has(id)) this.rows.set(id, null);
    for (const key of load.keys) this.loadedKeys.add(key);
  }

  /** Loads these records (and the live leads with these company keys) in one query. */
  async prefetch(ids: readonly string[], keys: readonly string[]): Promise<void> {
    const params = new SqlParams();
    const load = this.loadQuery(ids, keys, params);
    if (load.branches.length === 0) return;
    this.absorb(load, await this.tx.query<Row>(load.branches.join('\nUNION ALL\n'), params.values));
  }

  async get(id: string): Promise<RecordRow | null> {
    if (!this.rows.has(id)) await this.prefetch([id], []);
    return this.rows.get(id) ?? null;
  }

  /** How many changed records are waiting for `writeTo`. */
  get unwritten(): number {
    return this.dirty.size;
  }

  put(row: RecordRow, nowIso: string): void {
    this.rows.set(row.id, row);
    this.index(row);
    this.dirty.set(row.id, { row, nowIso });
  }

  private remember(row: RecordRow): void {
    if (this.rows.get(row.id)) return;
    this.rows.set(row.id, row);
    this.index(row);
  }

  private index(row: RecordRow): void {
    for (const key of this.indexedKeys.get(row.id) ?? []) this.byKey.get(key)?.delete(row.id);
    const keys = row.teamId === this.teamId && isLiveLead(row) ? companyKeys(row.record as never) : [];
    this.indexedKeys.set(row.id, keys);
    for (const key of keys) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(row.id);
    }
  }

  /** The team's live leads sharing a company key with `lead`, as this transaction sees them, oldest id first. */
  async sameCompany(lead: { id: string; domain: string | null; creditCode: string | null }): Promise<RecordRow[]> {
    const keys = companyKeys({ domain: lead.domain, creditCode: lead.creditCode });
    if (keys.length === 0) return [];
    if (keys.some((key) => !this.loadedKeys.has(key))) await this.prefetch([], keys);
    // Most pushed leads are a company the team does not have yet: nothing to collect and sort.
    let ids: Set<string> | null = null;
    for (const key of keys) for (const id of this.byKey.get(key) ?? NO_IDS) if (id !== lead.id) (ids ??= new Set()).add(id);
    if (!ids) return [];
    return [...ids]
      .sort()
      .map((id) => this.rows.get(id))
      .filter((row): row is RecordRow => !!row);
  }

  /**
   * The team's live activity that records the same email as `externalKey` (another browser logged it first),
   * oldest id first, as this transaction sees it; null when there is none.
   */
  async sameEmail(externalKey: string, exceptId: string): Promise<RecordRow | null> {
    const stored = await this.tx.query<Row>(
      `SELECT ${COLUMNS} FROM records WHERE team_id = $1 AND kind = 'activities' AND NOT deleted AND body->>'externalKey' = $2 ORDER BY id LIMIT 5`,
      [this.teamId, externalKey],
    );
    for (const row of stored) this.remember(fromRow(row));
    let first: RecordRow | null = null;
    for (const row of this.rows.values()) {
      if (!row || row.id === exceptId || row.table !== 'activities' || row.teamId !== this.teamId || row.record.deletedAt !== null) continue;
      if ((row.record as { externalKey?: string | null }).externalKey !== externalKey) continue;
      if (!first || row.id < first.id) first = row;
    }
    return first;
  }

  /** The contacts, activities and tasks of a lead, including ones changed earlier in this transaction. */
  async children(leadId: string): Promise<RecordRow[]> {
    const stored = await this.tx.query<Row>(`SELECT ${COLUMNS} FROM records WHERE lead_id = $1`, [leadId]);
    for (const row of stored) this.remember(fromRow(row));
    return [...this.rows.values()]
      .filter((row): row is RecordRow => row !== null && row.table !== 'leads' && (row.record as { leadId?: string }).leadId === leadId)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Adds the upsert of every changed record to `batch`: one statement, the bodies as one JSON array and the
   * other columns as another (zipped by ROWS FROM). The bodies are json, stored as the text that was sent
   * (migration 008); a JSON parameter costs the database less than arrays of escaped JSON texts through unnest.
   * A body is stored without its stamps, which go packed into their own column (see packed-versions.ts).
   */
  writeTo(batch: WriteBatch): void {
    if (this.dirty.size === 0) return;
    const bodies: Omit<AnySyncRecord, 'versions'>[] = [];
    const columns: object[] = [];
    for (const { row, nowIso } of this.dirty.values()) {
      const { versions, ...body } = row.record;
      const deleted = body.deletedAt !== null;
      bodies.push(body);
      columns.push({
        id: row.id,
        team_id: row.teamId,
        kind: row.table,
        versions: packVersions(versions),
        authors: row.authors,
        change_no: row.changeNo,
        owner_id: row.record.ownerId,
        stage: row.table === 'leads' ? (body as { stage?: string }).stage : null,
        lead_id: (row.record as { leadId?: string }).leadId ?? null,
        company_keys: row.table === 'leads' ? companyKeys(row.record as never) : [],
        deleted,
        deleted_at: deleted ? nowIso : null,
      });
    }
    this.dirty.clear();
    batch.add(
      `INSERT INTO records (id, team_id, kind, body, versions, authors, change_no, owner_id, stage, lead_id, company_keys, deleted, deleted_at)
       SELECT id, team_id, kind, body, versions, authors, change_no, owner_id, stage, lead_id, company_keys, deleted, deleted_at
         FROM ROWS FROM (
           json_array_elements(${batch.params.add(JSON.stringify(bodies))}::json),
           jsonb_to_recordset(${batch.params.add(JSON.stringify(columns))}::jsonb)
             AS (id text, team_id text, kind text, versions jsonb, authors jsonb, change_no bigint, owner_id text, stage text, lead_id text, company_keys text[], deleted boolean, deleted_at timestamptz)
         ) AS r(body, id, team_id, kind, versions, authors, change_no, owner_id, stage, lead_id, company_keys, deleted, deleted_at)
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, versions = EXCLUDED.versions, authors = EXCLUDED.authors, change_no = EXCLUDED.change_no,
         owner_id = EXCLUDED.owner_id, stage = EXCLUDED.stage, lead_id = EXCLUDED.lead_id, company_keys = EXCLUDED.company_keys,
         deleted = EXCLUDED.deleted, deleted_at = CASE WHEN EXCLUDED.deleted THEN COALESCE(records.deleted_at, EXCLUDED.deleted_at) END`,
    );
  }

  /** Writes every changed record now (callers outside a push, which have nothing else to write with it). */
  async flush(): Promise<void> {
    const batch = new WriteBatch();
    this.writeTo(batch);
    await batch.run(this.tx);
  }
}
