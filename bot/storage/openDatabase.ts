import { isAbsolute, resolve } from 'node:path';
import { PostgresDatabase } from './postgresDatabase.js';
import type { SqlDatabase } from './sqlDatabase.js';
import { SqliteDatabase } from './sqliteDatabase.js';
import { migrate } from './migrations.js';

/**
 * Opens the database named by a URL (`sqlite:./data/bot.db`, `sqlite::memory:`,
 * `postgres://user@host/db`) and migrates it. A relative SQLite path is taken from `baseDir`.
 */
export async function openDatabase(url: string, baseDir: string, onPoolError: (err: Error) => void): Promise<SqlDatabase> {
  const db = createDatabase(url, baseDir, onPoolError);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

function createDatabase(url: string, baseDir: string, onPoolError: (err: Error) => void): SqlDatabase {
  if (/^postgres(ql)?:\/\//u.test(url)) return new PostgresDatabase(url, onPoolError);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//u, '');
    if (path === ':memory:') return new SqliteDatabase(path);
    return new SqliteDatabase(isAbsolute(path) ? path : resolve(baseDir, path));
  }
  throw new Error(`openDatabase: unsupported DATABASE_URL scheme in "${url.replace(/\/\/[^@/]*@/u, '//***@')}"`);
}
