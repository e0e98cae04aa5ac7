import type { Queryable } from '../db/sql-database';
import { SqlParams } from './sql-params';

/**
 * The writes at the end of one transaction (records, the client's last mutation id, rejections, conflicts,
 * the team's counter) sent as one statement of writable CTEs: one round trip instead of one per table, which
 * on a busy database server is a large part of a push's time. The parts touch different tables, so none
 * needs to see another's effects (PostgreSQL runs them on one snapshot).
 */
export class WriteBatch {
  readonly params = new SqlParams();
  private readonly parts: string[] = [];

  /** One INSERT/UPDATE statement, its values placed with `params.add`. */
  add(statement: string): void {
    this.parts.push(statement);
  }

  /** Runs the parts as one statement; `last`: the transaction's last statement, committed with it. */
  async run(tx: Queryable, { last = false } = {}): Promise<void> {
    if (this.parts.length === 0) return;
    const sql = this.parts.length === 1 ? this.parts[0]! : `WITH ${this.parts.map((part, i) => `w${i} AS (${part})`).join(',\n')} SELECT 1`;
    // A push's writes are one of a few combinations of the same parts: kept prepared.
    if (last && tx.queryAndCommit) await tx.queryAndCommit(sql, this.params.values, { reused: true });
    else await tx.query(sql, this.params.values, { reused: true });
  }
}
