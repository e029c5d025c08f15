import type { Locale } from '../../knowledge/faqEntry.js';
import type { TriageReason } from '../../scripts/triageTypes.js';
import type { TranscriptRole } from '../handoff/transcriptStore.js';
import type { ClosedConversation, MetricsSource, ServiceCounters } from '../metrics/metricsSource.js';
import type { MetricsData, MetricsHandoff, MetricsMessage } from '../metrics/serviceMetrics.js';
import type { SqlDatabase } from './sqlDatabase.js';

const REASONS: readonly TriageReason[] = ['complaint', 'anger', 'humanRequested', 'botFailure', 'repeatContact', 'vip'];
/** Conversation ids per `IN (...)` query: well under both engines' parameter limits. */
const CHUNK = 500;

interface HandoffRow {
  id: string;
  conversation_id: string;
  reasons: string;
  agent_id: string | null;
  agent_name: string | null;
  customer_name: string;
  locale: string;
  created_at: number;
  accepted_at: number | null;
  closed_at: number | null;
  rating: number | null;
  nps: number | null;
}

const num = (v: number | null): number | undefined => (v === null ? undefined : Number(v));

function toMetricsHandoff(r: HandoffRow): MetricsHandoff {
  const optional = { agentId: r.agent_id ?? undefined, agentName: r.agent_name ?? undefined, acceptedAt: num(r.accepted_at), closedAt: num(r.closed_at), rating: num(r.rating), nps: num(r.nps) };
  return {
    id: r.id,
    conversationId: r.conversation_id,
    reasons: JSON.parse(r.reasons) as TriageReason[],
    createdAt: Number(r.created_at),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<MetricsHandoff>),
  };
}

/** The metrics read straight from the stores' tables, on SQLite or PostgreSQL. */
export class SqlMetricsSource implements MetricsSource {
  constructor(private readonly db: SqlDatabase) {}

  async load(from: number, to: number): Promise<MetricsData> {
    const conversations = await this.db.all<{ conversation_id: string; started: number }>(
      `SELECT conversation_id, MIN(created_at) AS started FROM transcript_messages WHERE role = 'customer'
       GROUP BY conversation_id HAVING MIN(created_at) BETWEEN ? AND ?`,
      [from, to],
    );
    const handoffs = (await this.db.all<HandoffRow>(`SELECT * FROM handoffs WHERE created_at BETWEEN ? AND ?`, [from, to])).map(toMetricsHandoff);
    const tickets = await this.db.all<{ conversation_id: string; status: string; follow_ups: number; created_at: number }>(
      `SELECT conversation_id, status, follow_ups, created_at FROM tickets WHERE created_at BETWEEN ? AND ?`,
      [from, to],
    );
    const ids = [...new Set([...handoffs.map((h) => h.conversationId), ...tickets.map((t) => t.conversation_id)])];
    const events = (table: string) => this.db.all<{ agent_id: string; created_at: number }>(`SELECT agent_id, created_at FROM ${table} WHERE created_at BETWEEN ? AND ?`, [from, to]);
    return {
      conversations: conversations.map((c) => ({ conversationId: c.conversation_id, startedAt: Number(c.started) })),
      handoffs,
      messages: await this.messages(ids),
      tickets: tickets.map((t) => ({ conversationId: t.conversation_id, status: t.status === 'resolved' ? 'resolved' : 'open', followUps: Number(t.follow_ups), createdAt: Number(t.created_at) })),
      warnings: (await events('guard_warnings')).map((e) => ({ agentId: e.agent_id, createdAt: Number(e.created_at) })),
      overrides: (await events('guard_overrides')).map((e) => ({ agentId: e.agent_id, createdAt: Number(e.created_at) })),
    };
  }

  async closedConversations(from: number, to: number, limit: number): Promise<ClosedConversation[]> {
    const rows = await this.db.all<HandoffRow>(
      `SELECT * FROM handoffs WHERE status = 'closed' AND agent_id IS NOT NULL AND accepted_at IS NOT NULL AND closed_at BETWEEN ? AND ?
       ORDER BY closed_at DESC LIMIT ?`,
      [from, to, limit],
    );
    return Promise.all(rows.map((r) => this.closed(r)));
  }

  async closedConversation(conversationId: string): Promise<ClosedConversation | undefined> {
    const row = await this.db.get<HandoffRow>(
      `SELECT * FROM handoffs WHERE conversation_id = ? AND status = 'closed' AND agent_id IS NOT NULL AND accepted_at IS NOT NULL
       ORDER BY closed_at DESC LIMIT 1`,
      [conversationId],
    );
    return row && this.closed(row);
  }

  async counters(): Promise<ServiceCounters> {
    const count = async (sql: string, params: Array<string | number> = []): Promise<number> => Number((await this.db.get<{ n: number }>(sql, params))?.n ?? 0);
    const grouped = async (sql: string): Promise<Map<string, number>> => new Map((await this.db.all<{ k: string | number; n: number }>(sql)).map((r) => [String(r.k), Number(r.n)]));
    const roles = await grouped(`SELECT role AS k, COUNT(*) AS n FROM transcript_messages GROUP BY role`);
    const statuses = await grouped(`SELECT status AS k, COUNT(*) AS n FROM handoffs GROUP BY status`);
    const tickets = await grouped(`SELECT status AS k, COUNT(*) AS n FROM tickets GROUP BY status`);
    const ratings = await grouped(`SELECT rating AS k, COUNT(*) AS n FROM handoffs WHERE rating IS NOT NULL GROUP BY rating`);
    const byReason = {} as Record<TriageReason, number>;
    for (const r of REASONS) byReason[r] = await count(`SELECT COUNT(*) AS n FROM handoffs WHERE reasons LIKE ?`, [`%"${r}"%`]);
    return {
      conversations: await count(`SELECT COUNT(DISTINCT conversation_id) AS n FROM transcript_messages WHERE role = 'customer'`),
      messages: { customer: roles.get('customer') ?? 0, bot: roles.get('bot') ?? 0, agent: roles.get('agent') ?? 0 },
      handoffsByStatus: { waiting: statuses.get('waiting') ?? 0, active: statuses.get('active') ?? 0, closed: statuses.get('closed') ?? 0 },
      handoffsByReason: byReason,
      ticketsByStatus: { open: tickets.get('open') ?? 0, resolved: tickets.get('resolved') ?? 0 },
      guardWarnings: await count(`SELECT COUNT(*) AS n FROM guard_warnings`),
      guardOverrides: await count(`SELECT COUNT(*) AS n FROM guard_overrides`),
      ratings: [1, 2, 3, 4, 5].map((n) => ratings.get(String(n)) ?? 0),
      unansweredOpen: await count(`SELECT COUNT(*) AS n FROM unanswered_questions WHERE resolved_at IS NULL`),
    };
  }

  private async messages(conversationIds: readonly string[]): Promise<MetricsMessage[]> {
    const out: MetricsMessage[] = [];
    for (let i = 0; i < conversationIds.length; i += CHUNK) {
      const ids = conversationIds.slice(i, i + CHUNK);
      const rows = await this.db.all<{ conversation_id: string; role: string; agent_id: string | null; created_at: number }>(
        `SELECT conversation_id, role, agent_id, created_at FROM transcript_messages WHERE conversation_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      for (const r of rows) out.push({ conversationId: r.conversation_id, role: r.role as TranscriptRole, createdAt: Number(r.created_at), ...(r.agent_id ? { agentId: r.agent_id } : {}) });
    }
    return out;
  }

  private async closed(r: HandoffRow): Promise<ClosedConversation> {
    const messages = await this.db.all<{ role: string; text: string; agent_id: string | null; created_at: number }>(
      `SELECT role, text, agent_id, created_at FROM transcript_messages WHERE conversation_id = ? AND created_at <= ? ORDER BY seq`,
      [r.conversation_id, Number(r.closed_at)],
    );
    const overrides = await this.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM guard_overrides WHERE conversation_id = ? AND agent_id = ? AND created_at BETWEEN ? AND ?`,
      [r.conversation_id, r.agent_id!, Number(r.accepted_at), Number(r.closed_at)],
    );
    return {
      conversationId: r.conversation_id,
      handoffId: r.id,
      agentId: r.agent_id!,
      agentName: r.agent_name ?? r.agent_id!,
      customerName: r.customer_name,
      locale: r.locale as Locale,
      reasons: JSON.parse(r.reasons) as TriageReason[],
      acceptedAt: Number(r.accepted_at),
      closedAt: Number(r.closed_at),
      ...(r.rating === null ? {} : { rating: Number(r.rating) }),
      messages: messages.map((m) => ({ role: m.role as TranscriptRole, text: m.text, at: Number(m.created_at), ...(m.agent_id ? { agentId: m.agent_id } : {}) })),
      overrides: Number(overrides?.n ?? 0),
    };
  }
}
