/** Parameters bound to `?` placeholders, in order. */
export type SqlParams = ReadonlyArray<string | number | null>;

/** Runs statements; SQL uses `?` placeholders whatever the engine. */
export interface SqlExecutor {
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
}

/**
 * A relational database as the stores see it: the embedded SQLite file or a PostgreSQL server.
 * The stores are written once against this and run on both; SQL sticks to the dialect the two
 * share (ON CONFLICT upserts, TEXT JSON columns, integer epoch-millisecond times).
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` atomically: all of its statements commit, or none do. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
