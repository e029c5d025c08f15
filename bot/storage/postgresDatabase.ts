import pg from 'pg';
import type { SqlDatabase, SqlExecutor, SqlParams } from './sqlDatabase.js';

// COUNT(*) and BIGINT come back as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** `?` placeholders to PostgreSQL's `$1, $2, ...` (statements here never contain a literal `?`). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/gu, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async <T>(sql: string, params: SqlParams = []) => (await client.query(numbered(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: SqlParams = []) => (await client.query(numbered(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: SqlParams = []) => ({ changes: (await client.query(numbered(sql), [...params])).rowCount ?? 0 }),
  };
}

/** The scale-out store: a PostgreSQL server through a connection pool. */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly pooled: SqlExecutor;

  constructor(connectionString: string, onError: (err: Error) => void) {
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', onError);
    this.pooled = executor(this.pool);
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.pooled.all<T>(sql, params);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.pooled.get<T>(sql, params);
  }

  run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return this.pooled.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
