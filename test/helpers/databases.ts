import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'mocha';
import pg from 'pg';
import { openDatabase } from '../../bot/storage/openDatabase.js';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase.js';

/** A database to run the storage contract against, fresh for each suite. */
export interface TestDatabase {
  readonly name: string;
  /** Why the engine cannot be tested here (the suite is then skipped, saying so). */
  unavailable(): Promise<string | undefined>;
  open(): Promise<SqlDatabase>;
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ignore = (): void => undefined;

/** Runs `work` on a short-lived client of the test server (outside any test schema). */
export async function withAdminClient<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function sqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-sqlite-'));
  return {
    name: 'SQLite',
    unavailable: () => Promise.resolve(undefined),
    open: () => openDatabase(`sqlite:${join(dir, 'test.db')}`, dir, ignore),
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** PostgreSQL in a schema of its own, dropped afterwards. */
export function postgresTestDatabase(): TestDatabase {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const admin = withAdminClient;
  return {
    name: 'PostgreSQL',
    unavailable: async () => {
      try {
        await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
        return undefined;
      } catch (err) {
        return `no PostgreSQL reachable at ${TEST_DATABASE_URL} (${(err as Error).message}); set TEST_DATABASE_URL`;
      }
    },
    open: () => openDatabase(url.toString(), process.cwd(), ignore),
    dispose: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(ignore, ignore),
  };
}

/**
 * Declares a contract suite once per adapter, SQLite then PostgreSQL, each on a fresh database
 * that `db()` returns inside its tests; a suite that cannot run here says why in its title.
 */
export function describeOnEveryDatabase(title: string, body: (db: () => SqlDatabase) => void): void {
  for (const target of [sqliteTestDatabase(), postgresTestDatabase()]) {
    describe(`${title} on ${target.name}`, function () {
      let database: SqlDatabase | undefined;
      before(async function () {
        const reason = await target.unavailable();
        if (reason) {
          this.test!.parent!.title += ` (skipped: ${reason})`;
          this.skip();
        }
        database = await target.open();
      });
      after(async () => {
        await database?.close();
        await target.dispose();
      });
      body(() => {
        if (!database) throw new Error(`describeOnEveryDatabase: ${title} on ${target.name} has no database (before() did not run)`);
        return database;
      });
    });
  }
}
