import { randomUUID } from 'node:crypto';
import type { Ticket, TicketStore } from '../handoff/ticketStore.js';
import type { SqlDatabase } from './sqlDatabase.js';

interface TicketRow {
  id: string;
  conversation_id: string;
  customer_id: string;
  content: string;
  contact: string | null;
  order_id: string | null;
  status: string;
  follow_ups: number;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
}

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  conversationId: r.conversation_id,
  customerId: r.customer_id,
  content: r.content,
  ...(r.contact ? { contact: r.contact } : {}),
  ...(r.order_id ? { orderId: r.order_id } : {}),
  status: r.status as Ticket['status'],
  followUps: Number(r.follow_ups),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  ...(r.resolved_at === null || r.resolved_at === undefined ? {} : { resolvedAt: Number(r.resolved_at) }),
});

/** Complaint tickets in the `tickets` table. */
export class SqlTicketStore implements TicketStore {
  constructor(private readonly db: SqlDatabase) {}

  async create(t: Pick<Ticket, 'conversationId' | 'customerId' | 'content' | 'contact' | 'orderId'>): Promise<Ticket> {
    const id = `T${Date.now().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`;
    const now = Date.now();
    await this.db.run(
      `INSERT INTO tickets (id, conversation_id, customer_id, content, contact, order_id, status, follow_ups, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'open', 0, ?, ?)`,
      [id, t.conversationId, t.customerId, t.content, t.contact ?? null, t.orderId ?? null, now, now],
    );
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Ticket | undefined> {
    const row = await this.db.get<TicketRow>(`SELECT * FROM tickets WHERE id = ?`, [id]);
    return row && toTicket(row);
  }

  async followUp(id: string): Promise<Ticket | undefined> {
    await this.db.run(`UPDATE tickets SET follow_ups = follow_ups + 1, updated_at = ? WHERE id = ? AND status = 'open'`, [Date.now(), id]);
    return this.get(id);
  }

  async resolve(id: string): Promise<Ticket | undefined> {
    const now = Date.now();
    await this.db.run(`UPDATE tickets SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ? AND status = 'open'`, [now, now, id]);
    return this.get(id);
  }

  async list(status: Ticket['status'] | undefined, limit: number): Promise<Ticket[]> {
    const rows = status
      ? await this.db.all<TicketRow>(`SELECT * FROM tickets WHERE status = ? ORDER BY created_at, id LIMIT ?`, [status, limit])
      : await this.db.all<TicketRow>(`SELECT * FROM tickets ORDER BY created_at, id LIMIT ?`, [limit]);
    return rows.map(toTicket);
  }
}
