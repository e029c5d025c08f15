import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { triage } from '../../scripts/triage.js';
import type { VipPolicy } from '../../scripts/triageTypes.js';
import { LOCALES } from '../../knowledge/faqEntry.js';
import type { AgentReplies } from '../assist/agentReplies.js';
import type { GuardService } from '../assist/guardService.js';
import type { SuggestionService } from '../assist/suggestionService.js';
import type { CustomerDirectory } from '../handoff/customerDirectory.js';
import type { HandoffEvent, HandoffEvents } from '../handoff/handoffEvents.js';
import type { Handoff } from '../handoff/handoffQueue.js';
import type { HandoffService } from '../handoff/handoffService.js';
import { requireBearer } from './bearerAuth.js';
import { HttpError } from './httpError.js';
import { readValidJson } from './jsonBody.js';
import { bearerRoute, route } from './route.js';
import { idParam } from './requestParts.js';

export interface AgentRoutesOptions {
  readonly handoffs: HandoffService;
  readonly events: HandoffEvents;
  readonly directory: CustomerDirectory;
  readonly vipPolicy: VipPolicy;
  readonly guard: GuardService;
  readonly suggestions: SuggestionService;
  readonly replies: AgentReplies;
  readonly agentToken: string;
  readonly log: Logger;
}

const AgentSchema = z.object({ agentId: z.string().trim().min(1).max(256), agentName: z.string().trim().min(1).max(256) });
const MessageSchema = z.object({ text: z.string().trim().min(1).max(5000), agentId: z.string().trim().min(1).max(256), force: z.boolean().optional() });
const SuggestSchema = z
  .object({ conversationId: z.string().max(1024).optional(), text: z.string().trim().min(1).max(5000).optional(), locale: z.enum(LOCALES).optional() })
  .refine((b) => b.conversationId !== undefined || b.text !== undefined, { message: 'give conversationId or text', path: ['text'] });
const CheckSchema = z.object({ text: z.string().max(5000), locale: z.enum(LOCALES).optional() });
const TriageSchema = z.object({ text: z.string().trim().min(1).max(5000), customerId: z.string().max(256).optional(), conversationId: z.string().max(1024).optional() });


/** A queue item as the agent API shows it. */
export function queueItem(h: Handoff): Record<string, unknown> {
  return {
    conversationId: h.conversationId,
    customer: h.customer,
    reasons: h.reasons,
    priority: h.priority,
    status: h.status,
    createdAt: new Date(h.createdAt).toISOString(),
    ...(h.agentId ? { agentId: h.agentId, agentName: h.agentName } : {}),
    ...(h.ticketId ? { ticketId: h.ticketId } : {}),
  };
}

/**
 * The agent API behind the agent token: the queue, taking a conversation (exactly once), the
 * transcript, replying, closing, live events (SSE), and the triage decision the bot makes.
 */
export function registerAgentRoutes(server: Server, o: AgentRoutesOptions): void {
  const agent = bearerRoute(o.log, o.agentToken, 'agent');

  server.get('/api/agent/queue', agent(async (_req, res) => {
    res.send(200, { items: (await o.handoffs.queue()).map(queueItem) });
  }));

  server.post('/api/agent/conversations/:id/accept', agent(async (req, res) => {
    const body = await readValidJson(req, AgentSchema);
    const result = await o.handoffs.accept(idParam(req), { id: body.agentId, name: body.agentName });
    if (result.ok) {
      res.send(200, queueItem(result.handoff));
      return;
    }
    if (result.reason === 'missing') throw new HttpError(404, 'not_found', 'This conversation is not in the queue.');
    if (result.reason === 'closed') throw new HttpError(409, 'closed', 'This conversation has been closed.');
    throw new HttpError(409, 'taken', `${result.handoff?.agentName ?? 'Another agent'} has already taken this conversation.`, { agentId: result.handoff?.agentId });
  }));

  server.get('/api/agent/conversations/:id', agent(async (req, res) => {
    const view = await o.handoffs.view(idParam(req));
    if (!view) throw new HttpError(404, 'not_found', 'No handoff for this conversation.');
    res.send(200, {
      ...queueItem(view.handoff),
      transcript: view.transcript.map((m) => ({ role: m.role, text: m.text, at: new Date(m.createdAt).toISOString(), ...(m.agentId ? { agentId: m.agentId } : {}) })),
      ticket: view.ticket ?? null,
      suggestions: o.suggestions.forConversation(view),
      ...(view.handoff.rating !== undefined ? { rating: view.handoff.rating } : {}),
      ...(view.handoff.nps !== undefined ? { nps: view.handoff.nps } : {}),
    });
  }));

  server.post('/api/agent/conversations/:id/messages', agent(async (req, res) => {
    const body = await readValidJson(req, MessageSchema);
    const result = await o.replies.send({ conversationId: idParam(req), agentId: body.agentId, text: body.text, force: body.force ?? false });
    switch (result.outcome) {
      case 'blocked': {
        const n = result.violations.length;
        throw new HttpError(422, 'banned_phrase', `The reply contains ${n === 1 ? 'a phrase' : 'phrases'} agents must not use; nothing was sent.`, {
          violations: result.violations,
          rewrite: result.rewrite,
        });
      }
      case 'not_active':
        throw new HttpError(409, 'not_active', 'Accept the conversation before replying; it is not held by an agent.');
      case 'not_yours':
        throw new HttpError(403, 'forbidden', 'Another agent holds this conversation.');
      case 'sent':
        res.send(200, { sent: true, ...(result.overridden > 0 ? { overridden: result.overridden } : {}) });
    }
  }));

  server.post('/api/agent/conversations/:id/close', agent(async (req, res) => {
    const closed = await o.handoffs.close(idParam(req));
    if (!closed) throw new HttpError(404, 'not_found', 'No open handoff for this conversation.');
    res.send(200, queueItem(closed));
  }));

  server.post('/api/assist/suggest', agent(async (req, res) => {
    const body = await readValidJson(req, SuggestSchema);
    if (body.conversationId) {
      const view = await o.handoffs.view(body.conversationId);
      if (!view) throw new HttpError(404, 'not_found', 'No handoff for this conversation.');
      res.send(200, { suggestions: o.suggestions.forConversation(view) });
      return;
    }
    const text = body.text!;
    res.send(200, { suggestions: o.suggestions.forText(text, body.locale ?? detectLocale(text)) });
  }));

  server.post('/api/assist/check', agent(async (req, res) => {
    const body = await readValidJson(req, CheckSchema);
    const violations = o.guard.check(body.text, body.locale);
    res.send(200, { ok: violations.length === 0, violations });
  }));

  server.post('/api/assist/triage', agent(async (req, res) => {
    const body = await readValidJson(req, TriageSchema);
    const customer = body.customerId ? await o.directory.get(body.customerId) : undefined;
    const decision = triage(
      { text: body.text, locale: detectLocale(body.text), unansweredStreak: 0, unhelpfulStreak: 0, previousMessages: [], ...(customer ? { customer } : {}) },
      o.vipPolicy,
    );
    res.send(200, decision);
  }));

  // EventSource cannot send headers, so the live view may present the token as `access_token`.
  server.get('/api/agent/events', route(o.log, async (req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('access_token');
    if (token && !req.headers.authorization) req.headers.authorization = `Bearer ${token}`;
    requireBearer(req, o.agentToken, 'agent');
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const write = (event: HandoffEvent): void => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    res.write(`event: hello\ndata: ${JSON.stringify({ queue: (await o.handoffs.queue()).map(queueItem) })}\n\n`);
    const unsubscribe = o.events.subscribe(write);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    await new Promise<void>((resolve) => req.on('close', resolve));
    clearInterval(keepAlive);
    unsubscribe();
  }));
}
