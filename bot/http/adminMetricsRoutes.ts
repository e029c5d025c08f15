import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { inspectConversation, type Scorecard } from '../../scripts/qualityInspection.js';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';
import type { ClosedConversation, MetricsSource } from '../metrics/metricsSource.js';
import { prometheusText } from '../metrics/prometheusText.js';
import { computeMetrics, dayOf } from '../metrics/serviceMetrics.js';
import { startOfShopDay } from '../metrics/shopDay.js';
import { HttpError } from './httpError.js';
import { validate } from './jsonBody.js';
import { idParam, queryOf } from './requestParts.js';
import { bearerRoute } from './route.js';

export interface AdminMetricsRoutesOptions {
  readonly source: MetricsSource;
  /** The banned-phrase guard as it stands (quality inspection quotes its findings). */
  readonly check: (text: string) => readonly Violation[];
  readonly faqEntries: () => number;
  readonly timeZone: string;
  readonly adminToken: string;
  readonly log: Logger;
  readonly now?: () => number;
}

const DAY = 86_400_000;
/** Conversations inspected per request to find the lowest scores of a period. */
const INSPECTED_AT_MOST = 2000;
const MAX_DAYS = 366;
const shopDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'must be a real date');
const RangeSchema = z.object({ from: shopDate.optional(), to: shopDate.optional() });
const QualityQuerySchema = RangeSchema.extend({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** A scorecard with what an admin needs to find the conversation. */
function reviewed(c: ClosedConversation, scorecard: Scorecard): Record<string, unknown> {
  return {
    conversationId: c.conversationId,
    handoffId: c.handoffId,
    agentId: c.agentId,
    agentName: c.agentName,
    customerName: c.customerName,
    reasons: c.reasons,
    closedAt: new Date(c.closedAt).toISOString(),
    ...(c.rating !== undefined ? { rating: c.rating } : {}),
    score: scorecard.score,
  };
}

/**
 * Service metrics (`GET /api/admin/metrics`), automatic quality inspection of agent-handled
 * conversations (`GET /api/admin/quality`, lowest scores first, and one scorecard with its
 * evidence), and `GET /metrics` in Prometheus' text format; all behind the admin token.
 * Periods are whole shop-local days, `from` and `to` inclusive (default: the last 7 days).
 */
export function registerAdminMetricsRoutes(server: Server, o: AdminMetricsRoutesOptions): void {
  const admin = bearerRoute(o.log, o.adminToken, 'admin');
  const now = o.now ?? (() => Date.now());

  const period = (query: { from?: string | undefined; to?: string | undefined }): { from: number; to: number } => {
    const today = dayOf(now(), o.timeZone);
    const to = startOfShopDay(query.to ?? today, o.timeZone) + DAY - 1;
    const from = query.from ? startOfShopDay(query.from, o.timeZone) : to + 1 - 7 * DAY;
    if (from > to) throw new HttpError(400, 'validation_failed', 'from: must not be after to', [{ field: 'from', message: 'must not be after to' }]);
    if (to - from > MAX_DAYS * DAY) throw new HttpError(400, 'validation_failed', `from: the period is at most ${MAX_DAYS} days`, [{ field: 'from', message: `the period is at most ${MAX_DAYS} days` }]);
    return { from, to };
  };
  const inspect = (c: ClosedConversation): Scorecard =>
    inspectConversation({ messages: c.messages, acceptedAt: c.acceptedAt, reasons: c.reasons, locale: c.locale, overrides: c.overrides, check: o.check });

  server.get('/api/admin/metrics', admin(async (req, res) => {
    const { from, to } = period(validate(RangeSchema, queryOf(req)));
    res.send(200, computeMetrics(await o.source.load(from, to), { from, to, timeZone: o.timeZone, now: now() }));
  }));

  server.get('/api/admin/quality', admin(async (req, res) => {
    const query = validate(QualityQuerySchema, queryOf(req));
    const { from, to } = period(query);
    // Lowest first over the whole period (up to the newest INSPECTED_AT_MOST), then the page.
    const closed = await o.source.closedConversations(from, to, INSPECTED_AT_MOST + 1);
    const inspected = closed.slice(0, INSPECTED_AT_MOST).map((c) => ({ c, scorecard: inspect(c) }));
    inspected.sort((a, b) => a.scorecard.score - b.scorecard.score || b.c.closedAt - a.c.closedAt);
    const items = inspected.slice(0, query.limit).map(({ c, scorecard }) => ({ ...reviewed(c, scorecard), failed: scorecard.items.filter((i) => i.applicable && !i.passed).map((i) => i.id) }));
    res.send(200, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      timeZone: o.timeZone,
      inspected: inspected.length,
      // More conversations closed in the period than one request inspects: narrow the period.
      truncated: closed.length > INSPECTED_AT_MOST,
      items,
    });
  }));

  server.get('/api/admin/quality/:id', admin(async (req, res) => {
    const conversation = await o.source.closedConversation(idParam(req));
    if (!conversation) throw new HttpError(404, 'not_found', 'No conversation closed by an agent with this id.');
    const scorecard = inspect(conversation);
    res.send(200, {
      ...reviewed(conversation, scorecard),
      items: scorecard.items,
      transcript: conversation.messages.map((m) => ({ role: m.role, text: m.text, at: new Date(m.at).toISOString(), ...(m.agentId ? { agentId: m.agentId } : {}) })),
    });
  }));

  server.get('/metrics', admin(async (_req, res) => {
    const text = prometheusText(await o.source.counters(), { faqEntries: o.faqEntries(), uptimeSeconds: process.uptime(), residentMemoryBytes: process.memoryUsage.rss() });
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    res.sendRaw(200, text);
  }));
}
