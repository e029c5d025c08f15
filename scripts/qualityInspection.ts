import type { Locale } from '../knowledge/faqEntry.js';
import { normalizeText } from '../knowledge/textNormalizer.js';
import type { Violation } from './bannedPhraseGuard.js';
import type { CueSet } from './cueSet.js';
import { QUALITY_CUES } from './qualityCues.js';
import { FACTS, type Facts } from './qualityEvidence.js';
import { isNegated } from './negation.js';
import type { TriageReason } from './triageTypes.js';

/** The items of the quality-inspection scorecard (质检评分表), in the order they are reported. */
export const INSPECTION_ITEM_IDS = ['opening', 'responseTime', 'bannedPhrases', 'empathy', 'solutionConfirmation', 'closing'] as const;
export type InspectionItemId = (typeof INSPECTION_ITEM_IDS)[number];

/** One message of the conversation; `at` is epoch milliseconds. */
export interface InspectedMessage {
  readonly role: 'customer' | 'bot' | 'agent';
  readonly text: string;
  readonly at: number;
  readonly agentId?: string;
}

/** One agent-handled conversation with what the handoff knows about it. */
export interface InspectionInput {
  /** The whole conversation, in order. */
  readonly messages: readonly InspectedMessage[];
  /** When the agent took the conversation (epoch ms). Agent messages before it are not the agent's work. */
  readonly acceptedAt: number;
  /** Why the conversation was handed over. */
  readonly reasons: readonly TriageReason[];
  /** The conversation's language; evidence facts are written in it. */
  readonly locale: Locale;
  /** Replies the agent sent despite a banned-phrase warning. */
  readonly overrides: number;
  /** The banned-phrase guard, bound to the conversation's locale. */
  readonly check: (text: string) => readonly Violation[];
}

/** One scored item. Not applicable items are `passed` with 0 points and left out of the score. */
export interface InspectionItem {
  readonly id: InspectionItemId;
  /** Chinese first, then English, e.g. '开场白 Standard opening'. */
  readonly label: string;
  readonly applicable: boolean;
  readonly passed: boolean;
  readonly points: number;
  readonly max: number;
  /** The agent's lines, quoted phrases or facts that justify the result. */
  readonly evidence: string[];
}

/** The result: `score` (0-100) is the share of points over the applicable items. */
export interface Scorecard {
  readonly score: number;
  readonly items: InspectionItem[];
}

/** Points per item; they sum to 100 when every item applies. */
export const INSPECTION_WEIGHTS: Readonly<Record<InspectionItemId, number>> = {
  opening: 15,
  responseTime: 20,
  bannedPhrases: 25,
  empathy: 15,
  solutionConfirmation: 10,
  closing: 15,
};

/** 在线客服应在2分钟内首次回复: full points within 2 minutes, half within 5, none after. */
export const RESPONSE_TIME_LIMITS = { fullMs: 120_000, halfMs: 300_000 } as const;

/** What banned phrases cost, as shares of the item: per violating message, and per warning overridden. */
export const BANNED_PHRASE_PENALTIES = { perMessage: 0.4, perOverride: 0.2 } as const;

const LABELS: Readonly<Record<InspectionItemId, string>> = {
  opening: '开场白 Standard opening',
  responseTime: '首次响应 First response time',
  bannedPhrases: '禁用语 Banned phrases',
  empathy: '安抚致歉 Empathy and apology',
  solutionConfirmation: '方案确认 Solution confirmation',
  closing: '结束语 Standard closing',
};

/** Reasons that call for 先安抚后解决: soothe first, then solve. */
const EMPATHY_REASONS: ReadonlySet<TriageReason> = new Set(['complaint', 'anger']);

/** How an item came out before weighting: `share` of its points, 0-1. */
interface Verdict {
  readonly applicable: boolean;
  readonly share: number;
  readonly evidence: string[];
}

/** Breaks between clauses: punctuation and symbols, not spaces ("您 好" is still 您好). */
const CLAUSE_BREAK = /[^\p{L}\p{N}\s'’-]+/u;

/** Whether a line contains a cue that no negation cancels ("没什么好感谢的" is no thanks). */
function says(line: string, cues: CueSet): boolean {
  return line
    .split(CLAUSE_BREAK)
    .map((piece) => normalizeText(piece))
    .some((clause) => clause.length > 0 && cues.find(clause).some((hit) => !isNegated(clause, hit)));
}

function isAgentLine(m: InspectedMessage, acceptedAt: number): boolean {
  return m.role === 'agent' && m.at >= acceptedAt && m.text.trim().length > 0;
}

/** The agent's opening turn: its first messages, up to the customer's next message. */
function openingTurn(input: InspectionInput): InspectedMessage[] {
  const turn: InspectedMessage[] = [];
  for (const m of input.messages) {
    if (isAgentLine(m, input.acceptedAt)) turn.push(m);
    else if (turn.length > 0 && m.role === 'customer') break;
  }
  return turn;
}

function inspectOpening(input: InspectionInput, facts: Facts): Verdict {
  const lines = openingTurn(input).map((m) => m.text);
  if (lines.length === 0) return { applicable: true, share: 0, evidence: [facts.noReply] };
  const greeting = lines.find((l) => says(l, QUALITY_CUES.greeting));
  const offer = lines.find((l) => says(l, QUALITY_CUES.offer) || says(l, QUALITY_CUES.intro));
  if (greeting === undefined || offer === undefined) {
    return { applicable: true, share: 0, evidence: [...lines, greeting === undefined ? facts.noGreeting : facts.noOffer] };
  }
  return { applicable: true, share: 1, evidence: [...new Set([greeting, offer])] };
}

function inspectResponseTime(agent: readonly InspectedMessage[], acceptedAt: number, facts: Facts): Verdict {
  const first = agent[0];
  if (!first) return { applicable: true, share: 0, evidence: [facts.noReply] };
  const delay = Math.max(0, first.at - acceptedAt);
  const share = delay <= RESPONSE_TIME_LIMITS.fullMs ? 1 : delay <= RESPONSE_TIME_LIMITS.halfMs ? 0.5 : 0;
  return { applicable: true, share, evidence: [facts.firstReply(Math.round(delay / 1000))] };
}

function inspectBannedPhrases(agent: readonly InspectedMessage[], input: InspectionInput, facts: Facts): Verdict {
  const evidence: string[] = [];
  let violating = 0;
  for (const { text } of agent) {
    const found = input.check(text);
    if (found.length > 0) violating += 1;
    for (const v of found) evidence.push(facts.violation(text.slice(v.start, v.end) || v.phrase, v.category, text));
  }
  if (input.overrides > 0) evidence.push(facts.overrides(input.overrides));
  if (evidence.length === 0) return { applicable: agent.length > 0, share: 1, evidence: [facts.clean(agent.length)] };
  const penalty = violating * BANNED_PHRASE_PENALTIES.perMessage + input.overrides * BANNED_PHRASE_PENALTIES.perOverride;
  return { applicable: true, share: Math.max(0, 1 - penalty), evidence };
}

/** The first agent line that says one of `cues`, as credit; otherwise `missing`. */
function lineSaying(lines: readonly InspectedMessage[], cues: CueSet, missing: string[]): Verdict {
  const line = lines.find((m) => says(m.text, cues));
  return line ? { applicable: true, share: 1, evidence: [line.text] } : { applicable: true, share: 0, evidence: missing };
}

function inspectEmpathy(agent: readonly InspectedMessage[], reasons: readonly TriageReason[], facts: Facts): Verdict {
  const triggers = reasons.filter((r) => EMPATHY_REASONS.has(r));
  if (triggers.length === 0) return { applicable: false, share: 0, evidence: [facts.notApplicable] };
  return lineSaying(agent, QUALITY_CUES.empathy, [facts.noEmpathy(triggers.join(', '))]);
}

/** The closing must follow the opening line, so a greeting's "感谢您的耐心等待" is no closing. */
function inspectClosing(agent: readonly InspectedMessage[], facts: Facts): Verdict {
  const lastTwo = agent.slice(1).slice(-2);
  return lineSaying(lastTwo, QUALITY_CUES.closing, [...lastTwo.map((m) => m.text), facts.noClosing]);
}

function toItem(id: InspectionItemId, verdict: Verdict): InspectionItem {
  const max = INSPECTION_WEIGHTS[id];
  const points = verdict.applicable ? Math.round(max * verdict.share) : 0;
  const passed = !verdict.applicable || verdict.share >= 1;
  return { id, label: LABELS[id], applicable: verdict.applicable, passed, points, max, evidence: verdict.evidence };
}

function scoreOf(items: readonly InspectionItem[]): number {
  const applicable = items.filter((item) => item.applicable);
  const max = applicable.reduce((sum, item) => sum + item.max, 0);
  return max === 0 ? 0 : Math.round((100 * applicable.reduce((sum, item) => sum + item.points, 0)) / max);
}

/**
 * Automatic quality inspection (自动质检) of one agent-handled conversation, after the shop's
 * 质检评分表: standard opening, first reply within 2 minutes, no banned phrases, apology and
 * empathy for complaints and anger (先安抚后解决), confirming the solution, standard closing.
 * Only agent messages from `acceptedAt` on are the agent's work. Cues are matched in Chinese and
 * English on normalised text (traditional script, full-width, spacing); a negated cue
 * ("没什么好感谢的") earns nothing. Every item carries the lines or facts behind its result.
 */
export function inspectConversation(input: InspectionInput): Scorecard {
  if (!Number.isInteger(input.overrides) || input.overrides < 0) {
    throw new RangeError(`inspectConversation: overrides must be a non-negative integer, got ${input.overrides}`);
  }
  const facts = FACTS[input.locale];
  const agent = input.messages.filter((m) => isAgentLine(m, input.acceptedAt));
  const verdicts: Record<InspectionItemId, Verdict> = {
    opening: inspectOpening(input, facts),
    responseTime: inspectResponseTime(agent, input.acceptedAt, facts),
    bannedPhrases: inspectBannedPhrases(agent, input, facts),
    empathy: inspectEmpathy(agent, input.reasons, facts),
    solutionConfirmation: lineSaying(agent, QUALITY_CUES.confirmation, [facts.noConfirmation]),
    closing: inspectClosing(agent, facts),
  };
  const items = INSPECTION_ITEM_IDS.map((id) => toItem(id, verdicts[id]));
  return { score: scoreOf(items), items };
}
