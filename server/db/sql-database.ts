/**
 * The one query interface the server uses, over embedded PGlite or a PostgreSQL server: the SQL is the same
 * on both, so every module is written (and tested) once.
 */
export interface QueryOptions {
  /**
   * The statement's text is one of a few that run again and again (a push's reads and writes): PostgreSQL
   * keeps it prepared on each connection, which saves planning it every time.
   */
  reused?: boolean;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * A transaction's last statement, committed with it: one round trip instead of two where the driver can
   * (PostgreSQL pipelines the COMMIT behind it). Nothing may be queried in the transaction after it. Optional:
   * without it, `query` and the commit at the end of `transaction` do the same in two.
   */
  queryAndCommit?<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
}

export interface SqlDatabase extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
