import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqlDatabase, SqlExecutor, SqlParams } from './sqlDatabase.js';

const STATEMENT_CACHE = 500;

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every call
 * runs to completion at once; a transaction holds a lock so that statements of other requests
 * cannot interleave with it while it awaits.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private lock: Promise<void> = Promise.resolve();
  /** Prepared statements by SQL text: preparing costs more than running most of ours. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.locked(() => this.direct.all<T>(sql, params));
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.locked(() => this.direct.get<T>(sql, params));
  }

  run(sql: string, params: SqlParams = []): Promise<{ changes: number }> {
    return this.locked(() => this.direct.run(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.locked(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.locked(() => {
      this.db.close();
      return Promise.resolve();
    });
  }

  /** Statements run without taking the lock: for use inside a held lock only. */
  private readonly direct: SqlExecutor = {
    all: <T>(sql: string, params: SqlParams = []) => Promise.resolve(this.prepared(sql).all(...params) as T[]),
    get: <T>(sql: string, params: SqlParams = []) => Promise.resolve(this.prepared(sql).get(...params) as T | undefined),
    run: (sql: string, params: SqlParams = []) => Promise.resolve({ changes: this.prepared(sql).run(...params).changes }),
  };

  private prepared(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      // Generated SQL (an IN list per batch size) could grow the cache without end: keep it bounded.
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const result = this.lock.then(work);
    this.lock = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
