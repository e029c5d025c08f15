import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { Locale } from '../../knowledge/faqEntry.js';
import type { Priority, Tier, TriageReason } from '../../scripts/triageTypes.js';
import { PRIORITY_RANK, type AcceptResult, type Handoff, type HandoffQueue, type HandoffStatus, type NewHandoff } from '../handoff/handoffQueue.js';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase.js';

interface HandoffRow {
  id: string;
  conversation_id: string;
  customer_id: string;
  customer_name: string;
  tier: string;
  reasons: string;
  priority: string;
  status: string;
  agent_id: string | null;
  agent_name: string | null;
  locale: string;
  reference: string;
  ticket_id: string | null;
  rating: number | null;
  nps: number | null;
  created_at: number;
  accepted_at: number | null;
  closed_at: number | null;
}

const COLUMNS =
  'id, conversation_id, customer_id, customer_name, tier, reasons, priority, status, agent_id, agent_name, locale, reference, ticket_id, rating, nps, created_at, accepted_at, closed_at';
const OPEN = `status IN ('waiting', 'active')`;

function toHandoff(r: HandoffRow): Handoff {
  const optional = <K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> => (value === null ? {} : ({ [key]: value } as Record<K, V>));
  return {
    id: r.id,
    conversationId: r.conversation_id,
    customer: { id: r.customer_id, name: r.customer_name, tier: r.tier as Tier },
    reasons: JSON.parse(r.reasons) as TriageReason[],
    priority: r.priority as Priority,
    status: r.status as HandoffStatus,
    locale: r.locale as Locale,
    reference: JSON.parse(r.reference) as Partial<ConversationReference>,
    createdAt: Number(r.created_at),
    ...optional('agentId', r.agent_id),
    ...optional('agentName', r.agent_name),
    ...optional('ticketId', r.ticket_id),
    ...optional('rating', r.rating === null ? null : Number(r.rating)),
    ...optional('nps', r.nps === null ? null : Number(r.nps)),
    ...optional('acceptedAt', r.accepted_at === null ? null : Number(r.accepted_at)),
    ...optional('closedAt', r.closed_at === null ? null : Number(r.closed_at)),
  };
}

/** The handoff queue in the `handoffs` table; claims are single conditional UPDATEs. */
export class SqlHandoffQueue implements HandoffQueue {
  constructor(private readonly db: SqlDatabase) {}

  enqueue(h: NewHandoff): Promise<{ handoff: Handoff; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const open = await this.openFor(tx, h.conversationId);
      if (open) return { handoff: open, created: false };
      const id = randomUUID();
      // The partial unique index settles a race between two instances queueing the same conversation.
      const { changes } = await tx.run(
        `INSERT INTO handoffs (${COLUMNS}, priority_rank) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', NULL, NULL, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?)
         ON CONFLICT (conversation_id) WHERE status IN ('waiting', 'active') DO NOTHING`,
        [
          id, h.conversationId, h.customer.id, h.customer.name, h.customer.tier, JSON.stringify(h.reasons), h.priority,
          h.locale, JSON.stringify(h.reference), h.ticketId ?? null, Date.now(), PRIORITY_RANK[h.priority],
        ],
      );
      if (changes === 0) return { handoff: (await this.openFor(tx, h.conversationId))!, created: false };
      return { handoff: (await this.byId(tx, id))!, created: true };
    });
  }

  async forConversation(conversationId: string): Promise<Handoff | undefined> {
    const row = await this.db.get<HandoffRow>(
      `SELECT ${COLUMNS} FROM handoffs WHERE conversation_id = ? ORDER BY CASE WHEN ${OPEN} THEN 0 ELSE 1 END, created_at DESC LIMIT 1`,
      [conversationId],
    );
    return row && toHandoff(row);
  }

  async open(): Promise<Handoff[]> {
    const rows = await this.db.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE ${OPEN} ORDER BY priority_rank, created_at, id`);
    return rows.map(toHandoff);
  }

  accept(conversationId: string, agent: { id: string; name: string }): Promise<AcceptResult> {
    return this.db.transaction(async (tx) => {
      const current = await this.openFor(tx, conversationId);
      if (!current) {
        // Inside the transaction, use its executor: the database's own methods would wait for it.
        const last = await tx.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE conversation_id = ? ORDER BY created_at DESC LIMIT 1`, [conversationId]);
        return last ? { ok: false, reason: 'closed', handoff: toHandoff(last) } : { ok: false, reason: 'missing' };
      }
      const { changes } = await tx.run(
        `UPDATE handoffs SET status = 'active', agent_id = ?, agent_name = ?, accepted_at = ? WHERE id = ? AND status = 'waiting'`,
        [agent.id, agent.name, Date.now(), current.id],
      );
      const after = (await this.byId(tx, current.id))!;
      if (changes === 1 || after.agentId === agent.id) return { ok: true, handoff: after, first: changes === 1 };
      return { ok: false, reason: 'taken', handoff: after };
    });
  }

  close(conversationId: string): Promise<Handoff | undefined> {
    return this.db.transaction(async (tx) => {
      const current = await this.openFor(tx, conversationId);
      if (!current) return undefined;
      await tx.run(`UPDATE handoffs SET status = 'closed', closed_at = ? WHERE id = ?`, [Date.now(), current.id]);
      return this.byId(tx, current.id);
    });
  }

  async rate(handoffId: string, rating: number): Promise<void> {
    await this.db.run(`UPDATE handoffs SET rating = ? WHERE id = ? AND status = 'closed' AND rating IS NULL`, [rating, handoffId]);
  }

  async recommend(handoffId: string, score: number): Promise<void> {
    await this.db.run(`UPDATE handoffs SET nps = ? WHERE id = ? AND status = 'closed' AND nps IS NULL`, [score, handoffId]);
  }

  async position(conversationId: string): Promise<number> {
    const waiting = await this.db.all<{ conversation_id: string }>(
      `SELECT conversation_id FROM handoffs WHERE status = 'waiting' ORDER BY priority_rank, created_at, id`,
    );
    const at = waiting.findIndex((w) => w.conversation_id === conversationId);
    return at < 0 ? 0 : at;
  }

  private async openFor(tx: SqlExecutor, conversationId: string): Promise<Handoff | undefined> {
    const row = await tx.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE conversation_id = ? AND ${OPEN} ORDER BY created_at DESC LIMIT 1`, [conversationId]);
    return row && toHandoff(row);
  }

  private async byId(tx: SqlExecutor, id: string): Promise<Handoff | undefined> {
    const row = await tx.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`, [id]);
    return row && toHandoff(row);
  }
}
