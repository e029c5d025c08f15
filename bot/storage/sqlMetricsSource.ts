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
    return this.closed(rows);
  }

  async closedConversation(conversationId: string): Promise<ClosedConversation | undefined> {
    const row = await this.db.get<HandoffRow>(
      `SELECT * FROM handoffs WHERE conversation_id = ? AND status = 'closed' AND agent_id IS NOT NULL AND accepted_at IS NOT NULL
       ORDER BY closed_at DESC LIMIT 1`,
      [conversationId],
    );
    return row && (await this.closed([row]))[0];
  }

  async counters(): Promise<ServiceCounters> {
    const count = async (sql: string, params: Array<string | number> = []): Promise<number> => Number((await this.db.get<{ n: number }>(sql, params))?.n ?? 0);
    const grouped = async (sql: string): Promise<Map<string, number>> => new Map((await this.db.all<{ k: string | number; n: number }>(sql)).map((r) => [String(r.k), Number(r.n)]));
    const roles = await grouped(`SELECT role AS k, COUNT(*) AS n FROM transcript_messages GROUP BY role`);
    const statuses = await grouped(`SELECT status AS k, COUNT(*) AS n FROM handoffs GROUP BY status`);
    const tickets = await grouped(`SELECT status AS k, COUNT(*) AS n FROM tickets GROUP BY status`);
    const ratings = await grouped(`SELECT rating AS k, COUNT(*) AS n FROM handoffs WHERE rating IS NOT NULL GROUP BY rating`);
    // One pass over the handoffs for every reason (reasons is a JSON array of names).
    const reasonCounts = await this.db.get<Record<string, number | null>>(
      `SELECT ${REASONS.map((r) => `SUM(CASE WHEN reasons LIKE ? THEN 1 ELSE 0 END) AS ${r.toLowerCase()}`).join(', ')} FROM handoffs`,
      REASONS.map((r) => `%"${r}"%`),
    );
    const byReason = Object.fromEntries(REASONS.map((r) => [r, Number(reasonCounts?.[r.toLowerCase()] ?? 0)])) as Record<TriageReason, number>;
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

  /** Rows of `table` for these conversations, a bounded IN list at a time. */
  private async forConversations<T>(columns: string, table: string, conversationIds: readonly string[], order = ''): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < conversationIds.length; i += CHUNK) {
      const ids = conversationIds.slice(i, i + CHUNK);
      out.push(...(await this.db.all<T>(`SELECT ${columns} FROM ${table} WHERE conversation_id IN (${ids.map(() => '?').join(', ')}) ${order}`, ids)));
    }
    return out;
  }

  private async messages(conversationIds: readonly string[]): Promise<MetricsMessage[]> {
    const rows = await this.forConversations<{ conversation_id: string; role: string; agent_id: string | null; created_at: number }>(
      'conversation_id, role, agent_id, created_at',
      'transcript_messages',
      conversationIds,
    );
    return rows.map((r) => ({ conversationId: r.conversation_id, role: r.role as TranscriptRole, createdAt: Number(r.created_at), ...(r.agent_id ? { agentId: r.agent_id } : {}) }));
  }

  /** What inspection needs of closed handoffs: their transcripts and overrides, read in a few queries for all of them. */
  private async closed(rows: readonly HandoffRow[]): Promise<ClosedConversation[]> {
    const ids = [...new Set(rows.map((r) => r.conversation_id))];
    type MessageRow = { conversation_id: string; role: string; text: string; agent_id: string | null; created_at: number };
    const transcripts = new Map<string, MessageRow[]>();
    for (const m of await this.forConversations<MessageRow>('conversation_id, role, text, agent_id, created_at', 'transcript_messages', ids, 'ORDER BY seq')) {
      const list = transcripts.get(m.conversation_id) ?? [];
      list.push(m);
      transcripts.set(m.conversation_id, list);
    }
    const overrides = await this.forConversations<{ conversation_id: string; agent_id: string; created_at: number }>('conversation_id, agent_id, created_at', 'guard_overrides', ids);
    return rows.map((r) => {
      const [acceptedAt, closedAt] = [Number(r.accepted_at), Number(r.closed_at)];
      const messages = (transcripts.get(r.conversation_id) ?? []).filter((m) => Number(m.created_at) <= closedAt);
      return {
        conversationId: r.conversation_id,
        handoffId: r.id,
        agentId: r.agent_id!,
        agentName: r.agent_name ?? r.agent_id!,
        customerName: r.customer_name,
        locale: r.locale as Locale,
        reasons: JSON.parse(r.reasons) as TriageReason[],
        acceptedAt,
        closedAt,
        ...(r.rating === null ? {} : { rating: Number(r.rating) }),
        messages: messages.map((m) => ({ role: m.role as TranscriptRole, text: m.text, at: Number(m.created_at), ...(m.agent_id ? { agentId: m.agent_id } : {}) })),
        overrides: overrides.filter((o) => o.conversation_id === r.conversation_id && o.agent_id === r.agent_id && Number(o.created_at) >= acceptedAt && Number(o.created_at) <= closedAt).length,
      };
    });
  }
}
