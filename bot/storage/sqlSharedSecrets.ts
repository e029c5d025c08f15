import type { SharedSecretStore, StoredSecrets } from '../secrets.js';
import type { SqlDatabase } from './sqlDatabase.js';

const KEY = 'secrets';

/** The deployment's generated secrets in the `meta` table, as readable as the data they protect. */
export class SqlSharedSecrets implements SharedSecretStore {
  constructor(private readonly db: SqlDatabase) {}

  async read(): Promise<unknown> {
    const row = await this.db.get<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, [KEY]);
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async saveFirst(secrets: StoredSecrets): Promise<void> {
    await this.db.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [KEY, JSON.stringify(secrets)]);
  }

  async complete(secrets: StoredSecrets): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx.get<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, [KEY]);
      const current = row ? (JSON.parse(row.value) as StoredSecrets) : {};
      await tx.run(`UPDATE meta SET value = ? WHERE key = ?`, [JSON.stringify({ ...secrets, ...current }), KEY]);
    });
  }
}
