import type { Locale } from '../knowledge/faqEntry.js';
import { normalizeText } from '../knowledge/textNormalizer.js';
import { fillScript, type ScriptVars } from './fillScript.js';
import type { ReplyScript, Scenario } from './replyScripts.js';
import type { TriageReason } from './triageTypes.js';

/** What the engine knows about the conversation when an agent asks for suggestions. */
export interface SuggestionInput {
  readonly locale: Locale;
  /** The customer's messages, oldest first; only the last one is read. */
  readonly customerMessages: readonly string[];
  /** Why triage handed the conversation over, if it did. */
  readonly reasons: readonly TriageReason[];
  /** How many messages the agent has already sent in this conversation. */
  readonly agentMessageCount: number;
  readonly vars?: ScriptVars;
}

/** A reply the agent can send as is: a filled script (`script:<id>`) or an FAQ answer (`faq:<id>`). */
export interface Suggestion {
  readonly text: string;
  readonly source: string;
  readonly scenario: Scenario;
}

/** The part of an FAQ match result the engine reads; `FaqMatcher.match` results fit it. */
export type FaqLookupResult =
  | { readonly kind: 'answer'; readonly best: { readonly entry: { readonly id: string; readonly answer: string } } }
  | { readonly kind: 'ambiguous' | 'noMatch' };

/** Anything that answers a question from the FAQ, e.g. `FaqMatcher`. */
export interface FaqLookup {
  match(text: string, locale: Locale): FaqLookupResult;
}

export interface SuggestionOptions {
  readonly scripts: readonly ReplyScript[];
  readonly faq?: FaqLookup;
  /** How many suggestions to return (default 3). */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 3;
/** Only this much of the last message is read, so the cost does not grow with what the customer pastes. */
const MAX_MESSAGE_CHARS = 1000;

/** Situations recognised in the customer's last message, checked in this order. */
const SITUATIONS: ReadonlyArray<readonly [Scenario, RegExp]> = [
  ['complaint', /投诉|差评|举报|12315|维权|\bcomplain|\bcomplaint|\bworst\b|\bterrible\b|\bunacceptable\b/u],
  ['transfer', /人工|真人|转接|主管|经理|\bhuman\b|\breal person\b|\bsupervisor\b|\bmanager\b|\bagent\b/u],
  ['refund', /退款|退钱|退费|\brefund|\bmoney back\b/u],
  ['return', /退货|退回|寄回|退换|\breturn|\bsend (?:it )?back\b/u],
  [
    'deliveryDelay',
    /物流.{0,4}(?:慢|不动|没更新|没有更新)|还没(?:到|收到|发货)|没收到|怎么还不到|快递.{0,4}慢|迟迟|延迟|延误|催件|\b(?:not|never) (?:yet )?(?:arrived|received|delivered|come|shipped)\b|\bdelay|\blate\b|\bstuck\b|\bwhere is my (?:order|parcel|package)\b|\btaking (?:so )?(?:long|forever)\b/u,
  ],
  ['outOfStock', /缺货|没货|断货|无货|售罄|卖完|补货|到货通知|有货吗|\bout of stock\b|\bsold out\b|\brestock|\bback in stock\b|\bin stock\b|\bunavailable\b/u],
  ['bargaining', /便宜|优惠|打折|折扣|砍价|讲价|少点|降价|太贵|有点贵|好贵|\bcheaper\b|\bdiscount|\bcoupon|\bbargain|\btoo expensive\b|\blower (?:the )?price\b|\bbetter price\b/u],
  ['askToWait', /在吗|有人吗|人呢|等了|等很久|还要等|快点|着急|\bare you there\b|\banyone there\b|\bhurry\b|\bwaiting\b|\bstill there\b/u],
];
const THANKS = /谢谢|感谢|多谢|谢啦|\bthank|\bthx\b|\bappreciate/u;
const DONE = /没有了|没别的|没问题了|就这些|\bthat is all\b|\bnothing else\b|\bno more questions\b|\ball good\b/u;

/** Scenarios that need the order identified before they can be resolved. */
const NEEDS_ORDER = new Set<Scenario>(['complaint', 'refund', 'return', 'deliveryDelay']);

interface Group {
  readonly scripts: readonly ReplyScript[];
}
type Library = ReadonlyMap<string, Group>;
const libraries = new WeakMap<readonly ReplyScript[], Library>();

/**
 * Suggests replies for the agent's next message, following the six-step service flow: a greeting
 * while the agent has not written yet, empathy and apology first for complaints and anger (before
 * any greeting), then the situation named in the customer's last message (refund, return, delivery
 * delay, out of stock, bargaining, waiting, request for a person), a confident FAQ answer to that
 * message, thanks and closing when the customer says thanks, and otherwise the next flow steps.
 * Suggestions are filled with `vars`, distinct, and at most `limit` (default 3). Deterministic; the
 * work grows with the script count and the last message only.
 */
export function suggestReplies(input: SuggestionInput, options: SuggestionOptions): Suggestion[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  if (limit === 0) return [];
  const last = (input.customerMessages.at(-1) ?? '').slice(0, MAX_MESSAGE_CHARS);
  const text = normalizeText(last);
  const plan = planScenarios(input, text);

  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (s: Suggestion): void => {
    if (out.length >= limit || seen.has(s.text) || seen.has(s.source)) return;
    seen.add(s.text);
    seen.add(s.source);
    out.push(s);
  };

  const faq = faqSuggestion(input, options.faq, last);
  const lead = plan.specific[0] ?? plan.fallback[0];
  const leadsWithOpener = lead === 'greeting' || lead === 'complaint';
  const lib = library(options.scripts);
  const ranked = [...rankedScripts(lib, input.locale, plan.specific, text), ...rankedScripts(lib, input.locale, plan.fallback, text)];
  const vars = input.vars ?? {};
  const fromScript = (s: ReplyScript): Suggestion => ({ text: fillScript(s.text, vars, input.locale), source: `script:${s.id}`, scenario: s.scenario });

  const [opener] = ranked;
  if (leadsWithOpener && opener && opener.scenario === lead) add(fromScript(opener));
  if (faq) add(faq);
  for (const s of ranked) add(fromScript(s));
  return out;
}

/** Scenarios to draw from, most fitting first: those the conversation calls for, then the next flow steps. */
interface Plan {
  readonly specific: readonly Scenario[];
  readonly fallback: readonly Scenario[];
}

/** What the input calls for, from triage reasons, the last message and the flow position. */
function planScenarios(input: SuggestionInput, text: string): Plan {
  const plan: Scenario[] = [];
  const push = (s: Scenario): void => {
    if (!plan.includes(s)) plan.push(s);
  };
  const reasons = new Set(input.reasons);
  const found = SITUATIONS.filter(([, pattern]) => pattern.test(text)).map(([scenario]) => scenario);

  if (reasons.has('complaint') || reasons.has('anger') || found.includes('complaint')) push('complaint');
  if (input.agentMessageCount <= 0 && !plan.includes('complaint')) push('greeting');
  if (reasons.has('humanRequested')) push('transfer');
  for (const s of found) push(s);
  if (plan.some((s) => NEEDS_ORDER.has(s)) && !input.vars?.orderId?.trim()) push('collectDetails');
  if (reasons.has('repeatContact')) push('followUp');
  if (reasons.has('botFailure')) push('transfer');

  const thanked = THANKS.test(text);
  const done = DONE.test(text);
  if (thanked) push('thanks');
  if (thanked || done) push('closing');
  if (done) push('thanks');

  return { specific: plan, fallback: flowFallback(input.agentMessageCount, thanked || done).filter((s) => !plan.includes(s)) };
}

/** The next steps of the service flow when nothing more specific is known. */
function flowFallback(agentMessageCount: number, wrappingUp: boolean): Scenario[] {
  if (wrappingUp) return ['followUp'];
  if (agentMessageCount <= 0) return ['confirmNeed', 'collectDetails'];
  if (agentMessageCount <= 2) return ['confirmNeed', 'answer', 'confirmSolution'];
  return ['confirmSolution', 'answer', 'followUp'];
}

/**
 * Scripts in suggestion order: one per scenario in plan order, then the second of each, and so
 * on, so the top suggestions cover the most fitting scenarios.
 */
function rankedScripts(lib: Library, locale: Locale, plan: readonly Scenario[], text: string): ReplyScript[] {
  const groups = plan.map((scenario) => byKeywords(lib.get(key(locale, scenario))?.scripts ?? [], text));
  const out: ReplyScript[] = [];
  const depth = Math.max(0, ...groups.map((g) => g.length));
  for (let i = 0; i < depth; i++) {
    for (const group of groups) {
      const script = group[i];
      if (script) out.push(script);
    }
  }
  return out;
}

/** A scenario's scripts with those whose keywords appear in the message first (stable otherwise). */
function byKeywords(scripts: readonly ReplyScript[], text: string): ReplyScript[] {
  const score = (s: ReplyScript): number => (s.keywords ?? []).filter((k) => containsKeyword(text, k)).length;
  return scripts
    .map((script, order) => ({ script, order, score: score(script) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((r) => r.script);
}

function containsKeyword(text: string, keyword: string): boolean {
  const k = normalizeKeyword(keyword);
  if (k === '') return false;
  if (/\p{Script=Han}/u.test(k)) return text.includes(k);
  return ` ${text} `.includes(` ${k}`);
}

const keywordCache = new Map<string, string>();
function normalizeKeyword(keyword: string): string {
  let k = keywordCache.get(keyword);
  if (k === undefined) {
    k = normalizeText(keyword);
    keywordCache.set(keyword, k);
  }
  return k;
}

/** A suggestion from the FAQ when it answers the last message confidently. */
function faqSuggestion(input: SuggestionInput, faq: FaqLookup | undefined, last: string): Suggestion | undefined {
  if (!faq || last.trim() === '') return undefined;
  const result = faq.match(last, input.locale);
  if (result.kind !== 'answer') return undefined;
  const { id, answer } = result.best.entry;
  return { text: fillScript(answer, input.vars ?? {}, input.locale), source: `faq:${id}`, scenario: 'answer' };
}

/** The scripts grouped by locale and scenario, built once per scripts array. */
function library(scripts: readonly ReplyScript[]): Library {
  let lib = libraries.get(scripts);
  if (!lib) {
    const groups = new Map<string, ReplyScript[]>();
    for (const s of scripts) {
      const k = key(s.locale, s.scenario);
      const group = groups.get(k);
      if (group) group.push(s);
      else groups.set(k, [s]);
    }
    lib = new Map([...groups].map(([k, g]) => [k, { scripts: g }]));
    libraries.set(scripts, lib);
  }
  return lib;
}

function key(locale: Locale, scenario: Scenario): string {
  return `${locale}|${scenario}`;
}
