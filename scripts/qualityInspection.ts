import type { Locale } from '../knowledge/faqEntry.js';
import { normalizeText } from '../knowledge/textNormalizer.js';
import type { Violation } from './bannedPhraseGuard.js';
import { CueSet } from './cueSet.js';
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

/** Lookbehind for an English word start in a normalised clause. */
const W = '(?<![\\p{L}\\p{N}])';
const en = (source: string): RegExp => new RegExp(`${W}${source}(?![\\p{L}\\p{N}])`, 'u');
/** "I'm …" that is not a self-introduction ("I'm sorry", "I'm afraid", "I'm checking"). */
const NOT_A_NAME = [
  'sorry', 'afraid', 'not', 'so', 'really', 'very', 'truly', 'terribly', 'still', 'just', 'checking', 'looking', 'going', 'unable',
  'sure', 'glad', 'happy', 'here', 'on', 'back', 'now', 'also', 'trying', 'working', 'pleased', 'delighted', 'transferring', 'connecting',
].join('|');

/** The lexicon, matched in either language on normalised clauses (lower case, simplified, NFKC). */
const CUES = {
  greeting: new CueSet({
    phrases: ['您好', '你好', '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '哈喽', '嗨',
      'hi', 'hello', 'hey', 'greetings', 'good morning', 'good afternoon', 'good evening', 'welcome'],
    patterns: [/^亲(?![自戚人身手眼友属生])/u, /欢迎(?:光临|您|来到)/u],
    masks: [/[你您]好(?:像|好|多|几|些|久)/u],
  }),
  offer: new CueSet({
    patterns: [
      /为[您你](?:服务|效劳)/u, /有什么(?:可以|能|需要|我能|我可以|问题|疑问)/u, /(?:想|需要|要)(?:咨询|了解|办理)(?:什么|哪)/u,
      en('how (?:can|may|could|might) (?:i|we) (?:help|assist)'), en('what can (?:i|we) (?:do|help)'),
      en('(?:happy|glad|here|pleased|delighted) to (?:help|assist)'), en('(?:can|may) i (?:help|assist)'),
    ],
  }),
  intro: new CueSet({
    patterns: [
      /我是(?!说|不是|真的|在)/u, /这里是/u, /工号/u, en('my name is \\p{L}+'), en('this is \\p{L}+ (?:from|here|speaking|with|at)'),
      new RegExp(`${W}i am (?!(?:${NOT_A_NAME})(?![\\p{L}]))\\p{L}+`, 'u'),
    ],
  }),
  empathy: new CueSet({
    phrases: ['抱歉', '对不起', '不好意思', '道歉', '歉意', '添麻烦',
      'sorry', 'apologies', 'i hear you', 'i can imagine', 'let you down', 'for the inconvenience'],
    patterns: [
      /(?:我|非常|完全|十分|特别|很|能|可以)理解/u, /理解[您你]/u, /给[您你]?带来了?.{0,8}(?:不便|困扰|麻烦|不好|不愉快|损失)/u,
      /让[您你](?:久等|失望|担心|着急|受委屈|不愉快|费心)/u, /辛苦[您你]了/u,
      en('apologi[sz]e'), en('i (?:completely |totally |fully |really |truly |absolutely |can |do )?understand'),
      en('(?:must be|must have been|sounds|is) (?:so |really |very )?(?:frustrating|annoying|upsetting|stressful|disappointing)'),
    ],
    masks: [/理解(?:错|为|吗|了吗)/u, /(?:希望|请)[您你]?(?:能|可以)?理解/u],
  }),
  confirmation: new CueSet({
    phrases: ['anything else', 'any other questions', 'any other question', 'any more questions'],
    patterns: [
      /这样.{0,8}(?:可以|行|满意|合适|妥当|接受)[吗嘛么]/u, /[您你](?:看|觉得).{0,8}(?:可以|行|满意|合适|怎么样|如何)/u,
      /(?:还有|有)(?:什么)?(?:其他|其它|别的)的?(?:问题|疑问|需要|需求|地方|可以|能)/u, /还有什么(?:问题|疑问|需要|可以|能|要)/u,
      /(?:解决|处理好|处理妥当)了(?:吗|没)/u, /(?:是否|有没有|是不是)(?:已经|都)?(?:解决|处理好|满意|符合)/u, /满意[吗嘛么]/u, /(?:能|可以)(?:看到|收到)[吗了]/u,
      en('(?:does|did|do|will|would) (?:that|this|it) (?:work|help|solve|fix|answer|sort|suit|sound)'),
      en('is (?:that|this|it|everything) (?:ok|okay|alright|all right|acceptable|fine|sorted|working)'),
      en('(?:has|have|did) (?:that|this|it|everything) (?:solved|fixed|resolved|sorted|answered|helped|solve|fix|resolve|help|answer)'),
      en('are you (?:happy|satisfied|ok|okay) with'), en('(?:can|could) you see (?:the|it|that|this)'),
    ],
  }),
  closing: new CueSet({
    phrases: ['感谢', '谢谢', '多谢', '再见', '拜拜', '祝您', '祝你', '不客气', '别客气', '荣幸', '期待您', '再次光临', '下次光临',
      'thank you', 'thanks', 'thx', 'goodbye', 'good bye', 'bye', 'take care', 'happy shopping', 'see you again', 'wishing you'],
    patterns: [
      en('have a (?:great|good|nice|wonderful|lovely|fantastic|pleasant|happy) (?:day|evening|weekend|night|one|time)'),
      en('you are (?:very |most |so )?welcome'), en('(?:it was|it has been) (?:a |my )?pleasure'), en('appreciate your (?:patience|understanding|time)'),
    ],
  }),
} as const;

/** Evidence facts, in the conversation's language. */
interface Facts {
  readonly noReply: string;
  readonly firstReply: (seconds: number) => string;
  readonly noGreeting: string;
  readonly noOffer: string;
  readonly violation: (quote: string, category: string, line: string) => string;
  readonly overrides: (count: number) => string;
  readonly clean: (count: number) => string;
  readonly notApplicable: string;
  readonly noEmpathy: (reasons: string) => string;
  readonly noConfirmation: string;
  readonly noClosing: string;
}

const FULL_S = RESPONSE_TIME_LIMITS.fullMs / 1000;
const HALF_S = RESPONSE_TIME_LIMITS.halfMs / 1000;

const FACTS: Readonly<Record<Locale, Facts>> = {
  'zh-CN': {
    noReply: '坐席接入后没有回复',
    firstReply: (s) => `首次回复用时 ${s} 秒（${FULL_S} 秒内满分，${HALF_S} 秒内一半）`,
    noGreeting: '首次回复没有问候语（您好/你好/亲）',
    noOffer: '首次回复有问候，但没有提供帮助或自我介绍',
    violation: (quote, category, line) => `禁用语「${quote}」(${category})：${line}`,
    overrides: (n) => `${n} 条回复在禁用语提醒后仍然发送`,
    clean: (n) => `已检查坐席 ${n} 条消息，未发现禁用语`,
    notApplicable: '非投诉或情绪类转人工，不检查安抚致歉',
    noEmpathy: (reasons) => `转人工原因：${reasons}；坐席没有致歉或安抚`,
    noConfirmation: '坐席没有向客户确认方案是否可行或是否还有其他问题',
    noClosing: '坐席最后两条消息中没有标准结束语',
  },
  'en-US': {
    noReply: 'no agent reply after the conversation was accepted',
    firstReply: (s) => `first reply after ${s} s (full points within ${FULL_S} s, half within ${HALF_S} s)`,
    noGreeting: 'the first reply has no greeting (hello/hi)',
    noOffer: 'the first reply greets but neither offers help nor introduces the agent',
    violation: (quote, category, line) => `banned phrase "${quote}" (${category}): ${line}`,
    overrides: (n) => `${n} ${n === 1 ? 'reply' : 'replies'} sent despite a banned-phrase warning`,
    clean: (n) => `${n} agent ${n === 1 ? 'message' : 'messages'} checked, no banned phrase`,
    notApplicable: 'not a complaint or anger handover, so no apology is required',
    noEmpathy: (reasons) => `handed over for ${reasons}; the agent never apologised or showed empathy`,
    noConfirmation: 'the agent never checked that the solution works for the customer',
    noClosing: 'no standard closing in the agent\'s last two messages',
  },
};

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
  const greeting = lines.find((l) => says(l, CUES.greeting));
  const offer = lines.find((l) => says(l, CUES.offer) || says(l, CUES.intro));
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
  return lineSaying(agent, CUES.empathy, [facts.noEmpathy(triggers.join(', '))]);
}

/** The closing must follow the opening line, so a greeting's "感谢您的耐心等待" is no closing. */
function inspectClosing(agent: readonly InspectedMessage[], facts: Facts): Verdict {
  const lastTwo = agent.slice(1).slice(-2);
  return lineSaying(lastTwo, CUES.closing, [...lastTwo.map((m) => m.text), facts.noClosing]);
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
    solutionConfirmation: lineSaying(agent, CUES.confirmation, [facts.noConfirmation]),
    closing: inspectClosing(agent, facts),
  };
  const items = INSPECTION_ITEM_IDS.map((id) => toItem(id, verdicts[id]));
  return { score: scoreOf(items), items };
}
