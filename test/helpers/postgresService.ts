import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { TEST_DATABASE_URL, withAdminClient } from './databases.js';

const run = promisify(execFile);

/** A schema of its own on the test PostgreSQL, as a DATABASE_URL for bot processes. */
export class PostgresSchema {
  readonly schema = `t_${randomBytes(6).toString('hex')}`;

  get url(): string {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${this.schema}`);
    return url.toString();
  }

  /** Why PostgreSQL cannot be used here, or undefined once the schema exists. */
  async create(): Promise<string | undefined> {
    try {
      await withAdminClient((c) => c.query(`CREATE SCHEMA ${this.schema}`));
      return undefined;
    } catch (err) {
      return `no PostgreSQL reachable at ${TEST_DATABASE_URL} (${(err as Error).message}); set TEST_DATABASE_URL`;
    }
  }

  async drop(): Promise<void> {
    await withAdminClient((c) => c.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`)).catch(() => undefined);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return withAdminClient(async (c) => {
      await c.query(`SET search_path TO ${this.schema}`);
      return (await c.query(sql, params)).rows as T[];
    });
  }
}

/**
 * The machine's PostgreSQL service (Debian's `pg_ctlcluster`), for tests that take the database
 * away from running bot processes. Only for the local service: undefined reason when usable.
 */
export class PostgresService {
  private cluster?: { version: string; name: string };

  async unavailable(): Promise<string | undefined> {
    if (!['127.0.0.1', 'localhost'].includes(new URL(TEST_DATABASE_URL).hostname)) return 'TEST_DATABASE_URL is not the local service';
    try {
      const { stdout } = await run('pg_lsclusters', ['--no-header']);
      const line = stdout.split('\n').find((l) => /\bonline\b/u.test(l) && /\b5432\b/u.test(l));
      const [version, name] = line?.trim().split(/\s+/u) ?? [];
      if (!version || !name) return 'no online PostgreSQL cluster on port 5432 (pg_lsclusters)';
      this.cluster = { version, name };
      return undefined;
    } catch (err) {
      return `cannot manage the PostgreSQL service here (${(err as Error).message})`;
    }
  }

  /** A fast shutdown: open transactions roll back and clients are disconnected at once. */
  async stop(): Promise<void> {
    await this.ctl('stop');
  }

  async start(): Promise<void> {
    await this.ctl('start');
  }

  private async ctl(action: 'start' | 'stop'): Promise<void> {
    if (!this.cluster) throw new Error('PostgresService: call unavailable() first');
    await run('pg_ctlcluster', [this.cluster.version, this.cluster.name, action], { timeout: 60_000 });
  }
}
