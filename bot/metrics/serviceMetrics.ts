import type { TriageReason } from '../../scripts/triageTypes.js';
import type { TranscriptRole } from '../handoff/transcriptStore.js';
import { percentile } from './percentile.js';

/** A handoff as the metrics read it. */
export interface MetricsHandoff {
  readonly id: string;
  readonly conversationId: string;
  readonly reasons: readonly TriageReason[];
  readonly agentId?: string;
  readonly agentName?: string;
  readonly createdAt: number;
  readonly acceptedAt?: number;
  readonly closedAt?: number;
  /** CSAT, 1-5. */
  readonly rating?: number;
  /** NPS answer, 0-10. */
  readonly nps?: number;
}

export interface MetricsMessage {
  readonly conversationId: string;
  readonly role: TranscriptRole;
  readonly agentId?: string;
  readonly createdAt: number;
}

export interface MetricsTicket {
  readonly conversationId: string;
  readonly status: 'open' | 'resolved';
  readonly followUps: number;
  readonly createdAt: number;
}

/** What happened in a period, read from the stores. */
export interface MetricsData {
  /** Conversations whose first customer message falls in the period. */
  readonly conversations: ReadonlyArray<{ readonly conversationId: string; readonly startedAt: number }>;
  /** Handoffs created in the period. */
  readonly handoffs: readonly MetricsHandoff[];
  /** Every message of the conversations those handoffs belong to (and of the tickets'). */
  readonly messages: readonly MetricsMessage[];
  /** Complaint tickets opened in the period. */
  readonly tickets: readonly MetricsTicket[];
  /** Replies the guard held back, and those sent anyway. */
  readonly warnings: ReadonlyArray<{ readonly agentId: string; readonly createdAt: number }>;
  readonly overrides: ReadonlyArray<{ readonly agentId: string; readonly createdAt: number }>;
}

export interface MetricsOptions {
  readonly from: number;
  readonly to: number;
  /** Days are the shop's days. */
  readonly timeZone: string;
  readonly now: number;
}

/** A complaint's first response is due within 24 hours; after three follow-ups a supervisor steps in. */
export const TICKET_RESPONSE_MS = 24 * 60 * 60 * 1000;
export const FOLLOW_UPS_BEFORE_SUPERVISOR = 3;
const REASONS: readonly TriageReason[] = ['complaint', 'anger', 'humanRequested', 'botFailure', 'repeatContact', 'vip'];

/** The service numbers of a slice of the period (all of it, one day, or one agent). */
export interface MetricsSummary {
  readonly conversations: number;
  /** Conversations the bot handled without a person, of all conversations. */
  readonly botSelfServiceRate: number | null;
  readonly handoffs: number;
  readonly handoffRate: number | null;
  readonly handoffsByReason: Record<TriageReason, number>;
  /** From the handoff to the agent's first message, in seconds. */
  readonly firstResponseSeconds: { readonly median: number | null; readonly p90: number | null; readonly count: number };
  /** From accepting to closing, in seconds. */
  readonly averageHandlingSeconds: number | null;
  /** 答问比: agent replies per customer message while an agent held the conversation. */
  readonly replyRatio: number | null;
  readonly complaints: number;
  readonly tickets: { readonly opened: number; readonly open: number; readonly overdue: number; readonly needsSupervisor: number };
  readonly csat: { readonly average: number | null; readonly count: number; readonly distribution: readonly number[] };
  readonly nps: { readonly score: number | null; readonly count: number; readonly promoters: number; readonly passives: number; readonly detractors: number };
  readonly guard: { readonly warnings: number; readonly overrides: number };
}

export interface ServiceMetrics {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly totals: MetricsSummary;
  readonly days: ReadonlyArray<{ readonly date: string } & MetricsSummary>;
  readonly agents: ReadonlyArray<{ readonly agentId: string; readonly agentName: string } & MetricsSummary>;
}

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);
const average = (values: readonly number[]): number | null => (values.length > 0 ? round(values.reduce((a, b) => a + b, 0) / values.length) : null);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The shop-local calendar day of a moment, `YYYY-MM-DD`. */
export function dayOf(at: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(at);
}

function summarize(data: MetricsData, now: number, byConversation: ReadonlyMap<string, readonly MetricsMessage[]>): MetricsSummary {
  const firstResponses: number[] = [];
  const handling: number[] = [];
  let agentReplies = 0;
  let customerMessages = 0;
  for (const h of data.handoffs) {
    const messages = byConversation.get(h.conversationId) ?? [];
    const first = messages.find((m) => m.role === 'agent' && m.createdAt >= h.createdAt && (h.closedAt === undefined || m.createdAt <= h.closedAt));
    if (first) firstResponses.push((first.createdAt - h.createdAt) / 1000);
    if (h.acceptedAt !== undefined && h.closedAt !== undefined) handling.push((h.closedAt - h.acceptedAt) / 1000);
    if (h.acceptedAt === undefined) continue;
    const held = messages.filter((m) => m.createdAt >= h.acceptedAt! && m.createdAt <= (h.closedAt ?? now));
    agentReplies += held.filter((m) => m.role === 'agent').length;
    customerMessages += held.filter((m) => m.role === 'customer').length;
  }
  const ticketState = data.tickets.map((t) => {
    const answered = (byConversation.get(t.conversationId) ?? []).some((m) => m.role === 'agent' && m.createdAt >= t.createdAt && m.createdAt <= t.createdAt + TICKET_RESPONSE_MS);
    return { open: t.status === 'open', overdue: t.status === 'open' && !answered && now > t.createdAt + TICKET_RESPONSE_MS, supervisor: t.status === 'open' && t.followUps >= FOLLOW_UPS_BEFORE_SUPERVISOR };
  });
  const ratings = data.handoffs.flatMap((h) => (h.rating === undefined ? [] : [h.rating]));
  const npsAnswers = data.handoffs.flatMap((h) => (h.nps === undefined ? [] : [h.nps]));
  const promoters = npsAnswers.filter((n) => n >= 9).length;
  const detractors = npsAnswers.filter((n) => n <= 6).length;
  const handedOver = new Set(data.handoffs.map((h) => h.conversationId));
  const selfServed = data.conversations.filter((c) => !handedOver.has(c.conversationId)).length;
  const sortedFirst = [...firstResponses].sort((a, b) => a - b);
  return {
    conversations: data.conversations.length,
    botSelfServiceRate: ratio(selfServed, data.conversations.length),
    handoffs: data.handoffs.length,
    handoffRate: ratio(data.conversations.filter((c) => handedOver.has(c.conversationId)).length, data.conversations.length),
    handoffsByReason: Object.fromEntries(REASONS.map((r) => [r, data.handoffs.filter((h) => h.reasons.includes(r)).length])) as Record<TriageReason, number>,
    firstResponseSeconds: { median: percentile(sortedFirst, 50), p90: percentile(sortedFirst, 90), count: sortedFirst.length },
    averageHandlingSeconds: average(handling),
    replyRatio: ratio(agentReplies, customerMessages),
    complaints: data.handoffs.filter((h) => h.reasons.includes('complaint')).length,
    tickets: {
      opened: data.tickets.length,
      open: ticketState.filter((t) => t.open).length,
      overdue: ticketState.filter((t) => t.overdue).length,
      needsSupervisor: ticketState.filter((t) => t.supervisor).length,
    },
    csat: { average: average(ratings), count: ratings.length, distribution: [1, 2, 3, 4, 5].map((n) => ratings.filter((r) => r === n).length) },
    nps: {
      score: npsAnswers.length > 0 ? Math.round(((promoters - detractors) / npsAnswers.length) * 100) : null,
      count: npsAnswers.length,
      promoters,
      passives: npsAnswers.length - promoters - detractors,
      detractors,
    },
    guard: { warnings: data.warnings.length, overrides: data.overrides.length },
  };
}

/** The part of the data one agent accounts for: the handoffs they held and their guard events. */
function forAgent(data: MetricsData, agentId: string): MetricsData {
  return {
    conversations: [],
    handoffs: data.handoffs.filter((h) => h.agentId === agentId),
    messages: data.messages,
    tickets: [],
    warnings: data.warnings.filter((w) => w.agentId === agentId),
    overrides: data.overrides.filter((w) => w.agentId === agentId),
  };
}

/** The data split by the shop-local day each item happened on. */
function byDay(data: MetricsData, timeZone: string): Map<string, MetricsData> {
  const days = new Map<string, { conversations: MetricsData['conversations'][number][]; handoffs: MetricsHandoff[]; tickets: MetricsTicket[]; warnings: MetricsData['warnings'][number][]; overrides: MetricsData['overrides'][number][] }>();
  const on = (at: number) => {
    const day = dayOf(at, timeZone);
    let bucket = days.get(day);
    if (!bucket) days.set(day, (bucket = { conversations: [], handoffs: [], tickets: [], warnings: [], overrides: [] }));
    return bucket;
  };
  for (const c of data.conversations) on(c.startedAt).conversations.push(c);
  for (const h of data.handoffs) on(h.createdAt).handoffs.push(h);
  for (const t of data.tickets) on(t.createdAt).tickets.push(t);
  for (const w of data.warnings) on(w.createdAt).warnings.push(w);
  for (const o of data.overrides) on(o.createdAt).overrides.push(o);
  return new Map([...days].map(([day, b]) => [day, { ...b, messages: data.messages }]));
}

const EMPTY: MetricsData = { conversations: [], handoffs: [], messages: [], tickets: [], warnings: [], overrides: [] };

/**
 * The service metrics of a period: totals, per shop-local day and per agent. Per agent, the
 * conversations are those the agent held, and the bot-only figures (self-service, tickets) are
 * left to the totals.
 */
export function computeMetrics(data: MetricsData, o: MetricsOptions): ServiceMetrics {
  const byConversation = new Map<string, MetricsMessage[]>();
  for (const m of [...data.messages].sort((a, b) => a.createdAt - b.createdAt)) {
    const list = byConversation.get(m.conversationId) ?? [];
    list.push(m);
    byConversation.set(m.conversationId, list);
  }
  const days: string[] = [];
  for (let at = o.from; at <= o.to && days.length < 400; at += 3_600_000) {
    const day = dayOf(at, o.timeZone);
    if (days.at(-1) !== day) days.push(day);
  }
  const agents = new Map<string, string>();
  for (const h of data.handoffs) if (h.agentId) agents.set(h.agentId, h.agentName ?? h.agentId);
  for (const e of [...data.warnings, ...data.overrides]) if (!agents.has(e.agentId)) agents.set(e.agentId, e.agentId);
  const daily = byDay(data, o.timeZone);
  return {
    from: new Date(o.from).toISOString(),
    to: new Date(o.to).toISOString(),
    timeZone: o.timeZone,
    totals: summarize(data, o.now, byConversation),
    days: days.map((date) => ({ date, ...summarize(daily.get(date) ?? EMPTY, o.now, byConversation) })),
    agents: [...agents].map(([agentId, agentName]) => {
      const mine = forAgent(data, agentId);
      return { agentId, agentName, ...summarize(mine, o.now, byConversation), conversations: mine.handoffs.filter((h) => h.acceptedAt !== undefined).length };
    }),
  };
}
