import type { Tier } from '../../scripts/triageTypes.js';
import type { CustomerDirectory, CustomerRecord } from '../handoff/customerDirectory.js';
import type { CustomerListing, CustomerQuery, ListedCustomer } from '../http/customerListing.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** The customer directory in the `customers` table. */
export class SqlCustomerDirectory implements CustomerDirectory, CustomerListing {
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

  async list(query: CustomerQuery): Promise<{ items: ListedCustomer[]; total: number }> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.tier) {
      where.push('tier = ?');
      params.push(query.tier);
    }
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      where.push(`(LOWER(id) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')`);
      params.push(like, like);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const count = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM customers ${clause}`, params);
    const rows = await this.db.all<{ id: string; name: string; tier: string; lifetime_value: number; updated_at: number }>(
      `SELECT id, name, tier, lifetime_value, updated_at FROM customers ${clause} ORDER BY id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier as Tier, lifetimeValue: Number(r.lifetime_value), updatedAt: Number(r.updated_at) })),
      total: Number(count?.n ?? 0),
    };
  }
}
