import { CardFactory, type Attachment } from 'botbuilder';
import type { BannedCategory } from '../../scripts/bannedPhrases.js';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';
import type { Suggestion } from '../../scripts/suggestionEngine.js';
import type { Tier, TriageReason } from '../../scripts/triageTypes.js';
import type { Handoff } from '../handoff/handoffQueue.js';
import type { Ticket } from '../handoff/ticketStore.js';
import type { TranscriptMessage } from '../handoff/transcriptStore.js';

/** The verbs of the agents' card buttons (Adaptive Card `Action.Execute`). */
export const CARD_VERBS = { accept: 'handoff.accept', close: 'handoff.close', send: 'reply.send' } as const;

type Element = Record<string, unknown>;

const REASONS: Record<TriageReason, string> = {
  complaint: '投诉 complaint',
  anger: '情绪激动 upset',
  humanRequested: '要求人工 asked for a person',
  botFailure: '机器人未解决 bot could not help',
  repeatContact: '重复来询 asked before',
  vip: 'VIP',
};
const TIERS: Record<Tier, string> = { regular: '普通 regular', silver: '白银 silver', gold: '黄金 gold', diamond: '钻石 diamond' };
const CATEGORIES: Record<BannedCategory, string> = {
  blameShifting: '推诿 shifting blame',
  impatience: '不耐烦 impatience',
  flatRefusal: '生硬拒绝 flat refusal',
  blamingCustomer: '指责顾客 blaming the customer',
  commanding: '命令语气 commanding',
  rudeness: '粗鲁 rudeness',
  notKnowing: '推说不知 not knowing',
  offPlatform: '引导站外 off-platform',
  absoluteClaim: '绝对化用语 absolute claim',
  paidReview: '好评返现 paid review',
};
const ROLES = { customer: '顾客', bot: '机器人', agent: '客服' } as const;
const LAST_MESSAGES = 6;

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const execute = (title: string, verb: string, data: Element, style?: 'positive' | 'destructive'): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...(style ? { style } : {}),
});

function card(body: Element[], actions: Element[] = []): Attachment {
  return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length > 0 ? { actions } : {}) });
}

/** What a handoff card shows: the handoff, the latest transcript, the ticket, a first reply. */
export interface HandoffCardInput {
  readonly handoff: Handoff;
  readonly transcript: readonly TranscriptMessage[];
  readonly ticket?: Ticket;
  readonly suggestion?: Suggestion;
}

function header(h: Handoff): Element {
  if (h.status === 'waiting') return text(`🔔 待接入 New handoff${h.priority === 'vip' ? ' · ⭐ VIP' : h.priority === 'high' ? ' · ❗ 优先 priority' : ''}`, { weight: 'Bolder', size: 'Medium', color: 'Attention' });
  if (h.status === 'active') return text(`🟢 ${h.agentName ?? h.agentId ?? ''} 已接入 took this conversation`, { weight: 'Bolder', size: 'Medium', color: 'Good' });
  return text(`✔ 已结束 Closed${h.rating !== undefined ? ` · ${'★'.repeat(h.rating)}${'☆'.repeat(5 - h.rating)}` : ''}`, { weight: 'Bolder', size: 'Medium' });
}

function facts(h: Handoff, ticket: Ticket | undefined): Element {
  const rows = [
    { title: '顾客 Customer', value: `${h.customer.name} (${h.customer.id})` },
    { title: '等级 Tier', value: TIERS[h.customer.tier] },
    { title: '原因 Reasons', value: h.reasons.map((r) => REASONS[r]).join(', ') || '—' },
    { title: '语言 Language', value: h.locale },
    ...(ticket ? [{ title: '工单 Ticket', value: `${ticket.id}${ticket.orderId ? ` · 订单 ${ticket.orderId}` : ''}` }] : []),
  ];
  return { type: 'FactSet', facts: rows };
}

/**
 * The card a handoff starts its thread with. Waiting: the customer, why, the last messages, a
 * suggested first reply and **Accept**. Taken: who holds it and **Close**. Closed: the rating.
 */
export function handoffCard(input: HandoffCardInput): Attachment {
  const { handoff: h } = input;
  const ids = { handoffId: h.id, conversationId: h.conversationId };
  const lines = input.transcript.slice(-LAST_MESSAGES).map((m) => text(`**${ROLES[m.role]}**: ${m.text}`, { spacing: 'Small' }));
  const body = [
    header(h),
    facts(h, input.ticket),
    ...(lines.length > 0 ? [text('最近消息 Last messages', { weight: 'Bolder', spacing: 'Medium' }), ...lines] : []),
    ...(h.status === 'waiting' && input.suggestion ? [text('建议首句 Suggested first reply', { weight: 'Bolder', spacing: 'Medium' }), text(input.suggestion.text, { isSubtle: true })] : []),
  ];
  const actions =
    h.status === 'waiting'
      ? [execute('接入 Accept', CARD_VERBS.accept, ids, 'positive')]
      : h.status === 'active'
        ? [execute('结束会话 Close', CARD_VERBS.close, ids, 'destructive')]
        : [];
  return card(body, actions);
}

/** A customer's message in the thread, with the suggested replies one click away. */
export function customerMessageCard(h: Handoff, message: string, suggestions: readonly Suggestion[]): Attachment {
  const ids = { handoffId: h.id, conversationId: h.conversationId };
  const options = suggestions.map((s) => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [text(s.text, { isSubtle: true })] },
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [execute('发送 Send', CARD_VERBS.send, { ...ids, text: s.text })] }] },
    ],
  }));
  return card([
    text(`💬 **${h.customer.name}**: ${message}`),
    ...(options.length > 0 ? [text('建议回复 Suggested replies', { weight: 'Bolder', size: 'Small', spacing: 'Medium' }), ...options] : []),
  ]);
}

/** Replaces a card whose reply went out. */
export function sentCard(h: Handoff, reply: string, agentName: string): Attachment {
  return card([text(`✅ 已发送给 ${h.customer.name} Sent by ${agentName}`, { weight: 'Bolder', color: 'Good' }), text(reply, { isSubtle: true })]);
}

/** A short notice card (e.g. the conversation is closed or someone else holds it). */
export function noticeCard(message: string): Attachment {
  return card([text(message)]);
}

/**
 * The private warning an agent gets when their reply holds a banned phrase: what and why, the
 * compliant alternative, and the choice to send the rewrite or to send anyway (recorded).
 */
export function guardWarningCard(h: Handoff, draft: string, violations: readonly Violation[], rewrite: string): Attachment {
  const ids = { handoffId: h.id, conversationId: h.conversationId };
  return card(
    [
      text(`⚠️ 未发送给 ${h.customer.name} Not sent: your reply contains phrases agents must not use`, { weight: 'Bolder', color: 'Warning' }),
      text(draft, { isSubtle: true }),
      ...violations.map((v) => text(`• “${draft.slice(v.start, v.end)}” (${CATEGORIES[v.category]}) → ${v.suggestion}`, { spacing: 'Small' })),
      text('建议改写 Suggested rewrite', { weight: 'Bolder', spacing: 'Medium' }),
      text(rewrite),
    ],
    [execute('发送建议 Send suggestion', CARD_VERBS.send, { ...ids, text: rewrite }, 'positive'), execute('仍然发送 Send anyway', CARD_VERBS.send, { ...ids, text: draft, force: true }, 'destructive')],
  );
}
