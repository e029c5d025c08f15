import type { Tier } from '../../scripts/triageTypes.js';
import type { CustomerDirectory, CustomerRecord } from '../handoff/customerDirectory.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** The customer directory in the `customers` table. */
export class SqlCustomerDirectory implements CustomerDirectory {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: string): Promise<{ id: string; name: string; tier: Tier; lifetimeValue: number } | undefined> {
    const row = await this.db.get<{ id: string; name: string; tier: string; lifetime_value: number }>(
      `SELECT id, name, tier, lifetime_value FROM customers WHERE id = ?`,
      [id],
    );
    return row && { id: row.id, name: row.name, tier: row.tier as Tier, lifetimeValue: Number(row.lifetime_value) };
  }

  import(records: readonly CustomerRecord[]): Promise<{ imported: number; created: number; updated: number }> {
    return this.db.transaction(async (tx) => {
      let created = 0;
      const now = Date.now();
      for (const r of records) {
        const existed = await tx.get(`SELECT id FROM customers WHERE id = ?`, [r.id]);
        if (!existed) created++;
        await tx.run(
          `INSERT INTO customers (id, name, tier, lifetime_value, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, tier = excluded.tier,
             lifetime_value = excluded.lifetime_value, updated_at = excluded.updated_at`,
          [r.id, r.name, r.tier, r.lifetimeValue, now],
        );
      }
      return { imported: records.length, created, updated: records.length - created };
    });
  }
}
