import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { SqlDatabase } from './sqlDatabase.js';

/**
 * botbuilder's `Storage` (conversation and user state) in the `bot_state` table, so a restart
 * or another instance picks up every conversation where it was. Honours eTags as botbuilder's
 * own stores do: a write with a stale eTag fails; `*` or no eTag writes regardless.
 */
export class SqlStateStorage implements Storage {
  constructor(private readonly db: SqlDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.all<{ key: string; doc: string; etag: string }>(
      `SELECT key, doc, etag FROM bot_state WHERE key IN (${keys.map(() => '?').join(', ')})`,
      keys,
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(JSON.parse(row.doc) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
      const next = randomUUID();
      const json = JSON.stringify(doc);
      if (!eTag || eTag === '*') {
        await this.db.run(
          `INSERT INTO bot_state (key, doc, etag, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at`,
          [key, json, next, Date.now()],
        );
        continue;
      }
      const { changes: n } = await this.db.run(`UPDATE bot_state SET doc = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?`, [
        json,
        next,
        Date.now(),
        key,
        eTag,
      ]);
      if (n === 0) throw new Error(`SqlStateStorage.write: eTag conflict for key ${key}`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(', ')})`, keys);
  }
}
