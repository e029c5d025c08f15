import { AhoCorasick } from '../knowledge/ahoCorasick.js';
import type { Locale } from '../knowledge/faqEntry.js';
import type { BannedCategory, BannedPhrase } from './bannedPhrases.js';
import { isWordChar, normalizeMapped, normalizePhrase, type MappedText } from './guardNormalizer.js';

/** One banned phrase found in a reply; `start`/`end` are offsets in the original text, `end` exclusive. */
export interface Violation {
  phraseId: string;
  phrase: string;
  category: BannedCategory;
  start: number;
  end: number;
  suggestion: string;
}

/** An automaton entry: a banned phrase, or a benign context that allows the phrase with index `rule`. */
interface Entry {
  readonly kind: 'ban' | 'allow';
  readonly rule: number;
  /** Whether the pattern starts / ends with a letter or digit, so needs a word boundary there. */
  readonly edgeStart: boolean;
  readonly edgeEnd: boolean;
}

/** A regex over the normalised text for contact details no phrase list can enumerate. */
interface RegexRule {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
}

/** What to say instead of a phone or QQ number. */
const OFF_PLATFORM_SUGGESTION: Readonly<Record<Locale, string>> = {
  'zh-CN': '我们在平台内继续沟通就好',
  'en-US': "let's keep chatting here on the platform",
};
const HAN = /\p{Script=Han}/u;
/** Punctuation that ends a clause. */
const CLAUSE_BREAK = /[，。！？；：,!?;:\n]|\.(?:\s|$)/u;

/** Mainland mobile numbers (11 digits, optional 86 prefix) and QQ numbers (QQ / 扣扣, 5-11 digits). */
const REGEX_RULES: readonly RegexRule[] = [
  { id: 'regex.offPlatform.mobile', label: 'mobile number', pattern: /(?<!\d)(?:86)?1[3-9]\d{9}(?!\d)/gu },
  { id: 'regex.offPlatform.qq', label: 'QQ number', pattern: /(?<![a-z])(?:qq|扣扣) ?(?:号码|号)?(?:是|为)?\d{5,11}(?!\d)/gu },
];

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly violation: Omit<Violation, 'start' | 'end'>;
}

/**
 * Flags banned phrases (禁用语) in an agent's reply: one Aho-Corasick pass over the normalised text for
 * every phrase of the locale, plus regex rules for phone and QQ numbers. Holds up to full-width
 * characters, traditional script, case and separators typed between characters; English phrases
 * match whole words only; a phrase inside one of its allow-list contexts is not flagged.
 */
export class BannedPhraseGuard {
  private readonly phrases: readonly BannedPhrase[];
  private readonly automata = new Map<Locale | 'all', AhoCorasick<Entry>>();

  constructor(phrases: readonly BannedPhrase[]) {
    this.phrases = [...phrases];
  }

  /** Violations in `text`, in order of position; overlapping hits keep the longest. */
  check(text: string, locale?: Locale): Violation[] {
    const mapped = normalizeMapped(text);
    const hits = [...this.phraseHits(text, mapped, locale), ...regexHits(mapped.text, locale)];
    return longestFirst(hits).map((hit) => toViolation(hit, mapped));
  }

  /** `text` with each violation span replaced by its suggestion (best effort: grammar is not repaired). */
  rewrite(text: string, violations: readonly Violation[] = this.check(text)): string {
    let out = text;
    for (const v of [...violations].sort((a, b) => b.start - a.start)) out = out.slice(0, v.start) + v.suggestion + out.slice(v.end);
    return out;
  }

  private phraseHits(original: string, mapped: MappedText, locale: Locale | undefined): Hit[] {
    const normalized = mapped.text;
    const found = this.automaton(locale).findAll(normalized);
    // A benign context lies within one clause: "我不知道，您…" is not "不知道您".
    const allowed = found.filter((h) => h.value.kind === 'allow' && !CLAUSE_BREAK.test(original.slice(mapped.starts[h.start], mapped.ends[h.end - 1])));
    const hits: Hit[] = [];
    for (const { start, end, value } of found) {
      if (value.kind !== 'ban' || !atBoundary(normalized, start, end, value)) continue;
      if (allowed.some((a) => a.value.rule === value.rule && a.start <= start && a.end >= end)) continue;
      const p = this.phrases[value.rule];
      if (!p) continue;
      hits.push({ start, end, violation: { phraseId: p.id, phrase: p.phrase, category: p.category, suggestion: p.suggestion } });
    }
    return hits;
  }

  private automaton(locale: Locale | undefined): AhoCorasick<Entry> {
    const key = locale ?? 'all';
    let automaton = this.automata.get(key);
    if (!automaton) {
      const patterns: Array<[string, Entry]> = [];
      this.phrases.forEach((p, rule) => {
        if (locale !== undefined && p.locale !== locale) return;
        patterns.push(entry(p.phrase, 'ban', rule));
        for (const context of p.allow ?? []) patterns.push(entry(context, 'allow', rule));
      });
      automaton = new AhoCorasick(patterns.filter(([pattern]) => pattern.length > 0));
      this.automata.set(key, automaton);
    }
    return automaton;
  }
}

function entry(raw: string, kind: Entry['kind'], rule: number): [string, Entry] {
  const pattern = normalizePhrase(raw);
  return [pattern, { kind, rule, edgeStart: isWordChar(pattern.charAt(0)), edgeEnd: isWordChar(pattern.charAt(pattern.length - 1)) }];
}

/** An English word (or number) edge of a pattern must not continue into a neighbouring word. */
function atBoundary(text: string, start: number, end: number, e: Entry): boolean {
  if (e.edgeStart && isWordChar(text.charAt(start - 1) || undefined)) return false;
  if (e.edgeEnd && isWordChar(text.charAt(end) || undefined)) return false;
  return true;
}

function regexHits(normalized: string, locale: Locale | undefined): Hit[] {
  const suggestion = OFF_PLATFORM_SUGGESTION[locale ?? (HAN.test(normalized) || normalized.length === 0 ? 'zh-CN' : 'en-US')];
  const hits: Hit[] = [];
  for (const rule of REGEX_RULES) {
    for (const m of normalized.matchAll(rule.pattern)) {
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        violation: { phraseId: rule.id, phrase: rule.label, category: 'offPlatform', suggestion },
      });
    }
  }
  return hits;
}

/** Non-overlapping hits, the longest winning an overlap (then the earliest), returned in text order. */
function longestFirst(hits: readonly Hit[]): Hit[] {
  const kept: Hit[] = [];
  const byLength = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const hit of byLength) if (!kept.some((k) => k.start < hit.end && hit.start < k.end)) kept.push(hit);
  return kept.sort((a, b) => a.start - b.start);
}

function toViolation(hit: Hit, mapped: MappedText): Violation {
  const start = mapped.starts[hit.start] ?? 0;
  const end = mapped.ends[hit.end - 1] ?? start;
  return { ...hit.violation, start, end };
}
