import pg from 'pg';
import type { Queryable, QueryOptions, SqlDatabase } from './sql-database';

/** int8 (change numbers, counters) as JS numbers, as PGlite returns them: they stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Names of the statements kept prepared (QueryOptions.reused), by their text; bounded, in case of misuse. */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

function queryConfig(sql: string, params: readonly unknown[], options?: QueryOptions): pg.QueryConfig {
  let name = options?.reused ? preparedNames.get(sql) : undefined;
  if (options?.reused && !name && preparedNames.size < MAX_PREPARED) preparedNames.set(sql, (name = `sidecar_${preparedNames.size + 1}`));
  return { text: sql, values: params as unknown[], ...(name ? { name } : {}) };
}

const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
  async query<Row>(sql: string, params: readonly unknown[] = [], options?: QueryOptions) {
    return (await target.query(queryConfig(sql, params, options))).rows as Row[];
  },
  async exec(sql: string) {
    await target.query(sql);
  },
});

export interface PostgresOptions {
  /** Tables live in this schema (tests give each run its own); it is created when missing. */
  schema?: string;
  maxConnections?: number;
}

/** A PostgreSQL server through a connection pool; several server processes may share one database. */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<SqlDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name "${schema}": use lower-case letters, digits and _`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types,
    // Statements go out without waiting for the one before to be answered (each has its own Sync, so one
    // failing does not take the next with it): a transaction's BEGIN travels with its first statement and
    // its COMMIT with its last, two round trips fewer for a push.
    pipeline: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      let committed = false;
      try {
        // Not awaited: pipelined with the first statement of `work`. Should it fail, that statement fails too.
        const begun = client.query('BEGIN');
        begun.catch(() => {});
        const result = await work({
          ...wrap(client),
          async queryAndCommit<Row>(sql: string, params: readonly unknown[] = [], options?: QueryOptions) {
            // Should the statement fail, the COMMIT behind it finds the transaction aborted and rolls it back.
            const [last] = await Promise.all([client.query(queryConfig(sql, params, options)), client.query('COMMIT')]);
            committed = true;
            return last.rows as Row[];
          },
        });
        await begun;
        if (!committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
