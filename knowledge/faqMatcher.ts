import Fuse from 'fuse.js';
import { LOCALES, type FaqEntry, type Locale } from './faqEntry.js';
import { FaqIndex, type FaqIndexOptions, type ScoredFaq } from './faqIndex.js';
import { FeatureExtractor } from './featureExtractor.js';
import { normalizeText } from './textNormalizer.js';

/** A ranked entry with its calibrated confidence in [0, 1]. */
export interface MatchCandidate {
  readonly entry: FaqEntry;
  readonly score: number;
  /** The question or alternate that matched best (normalised). */
  readonly matchedText: string;
}

/**
 * What the bot should do with a question: answer it, ask which of a few entries was meant, or
 * admit it does not know. `candidates` is always the ranked list behind the decision.
 */
export type MatchResult =
  | { readonly kind: 'answer'; readonly best: MatchCandidate; readonly candidates: readonly MatchCandidate[] }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly MatchCandidate[] }
  | { readonly kind: 'noMatch'; readonly candidates: readonly MatchCandidate[] };

export interface MatchThresholds {
  /** At or above this the best entry may be given as the answer. */
  readonly answer: number;
  /** Entries at or above this are worth offering as "did you mean". */
  readonly suggest: number;
  /** The best must lead the runner-up by this much to be answered outright. */
  readonly margin: number;
}

export const DEFAULT_THRESHOLDS: MatchThresholds = { answer: 0.42, suggest: 0.3, margin: 0.06 };

/**
 * Thresholds per locale, over `DEFAULT_THRESHOLDS`, tuned on the dev half of the eval set.
 * Chinese scores run lower than English ones for the same quality of match: a Chinese text
 * shares characters and pairs only partly with any way of asking, and unknown pairs count
 * against it, so the same evidence gives a lower coverage.
 */
export const DEFAULT_LOCALE_THRESHOLDS: Readonly<Record<Locale, Partial<MatchThresholds>>> = {
  'zh-CN': { answer: 0.34, margin: 0.04 },
  'en-US': { answer: 0.5, margin: 0.06 },
};

export interface FaqMatcherOptions {
  /** Thresholds for every locale (over the per-locale defaults). */
  readonly thresholds?: Partial<MatchThresholds>;
  /** Thresholds for one locale (over `thresholds`). */
  readonly localeThresholds?: Partial<Record<Locale, Partial<MatchThresholds>>>;
  readonly index?: Partial<FaqIndexOptions>;
  /** Share of the final score taken from fuse.js re-ranking of the shortlist (0 turns it off). */
  readonly fuseShare?: number;
}

/** How many ranked candidates a match reports. */
const CANDIDATES = 5;
/** How many index hits fuse.js re-ranks. */
const RERANK = 8;

/**
 * Finds the FAQ entry that answers a customer's question, in the question's locale, and
 * decides whether the match is good enough to answer. Pure: entries in, decisions out.
 */
export class FaqMatcher {
  private readonly indexes: ReadonlyMap<Locale, FaqIndex>;
  private readonly thresholds: ReadonlyMap<Locale, MatchThresholds>;
  private readonly fuseShare: number;

  constructor(entries: Iterable<FaqEntry> = [], options: FaqMatcherOptions = {}) {
    const extractor = new FeatureExtractor();
    this.indexes = new Map(LOCALES.map((l) => [l, new FaqIndex(extractor, options.index)]));
    this.thresholds = new Map(LOCALES.map((l) => [l, thresholdsFor(l, options)]));
    this.fuseShare = options.fuseShare ?? 0;
    for (const entry of entries) this.upsert(entry);
  }

  get size(): number {
    let n = 0;
    for (const index of this.indexes.values()) n += index.size;
    return n;
  }

  upsert(entry: FaqEntry): void {
    for (const [locale, index] of this.indexes) if (locale !== entry.locale) index.remove(entry.id);
    this.index(entry.locale).upsert(entry);
  }

  remove(id: string): void {
    for (const index of this.indexes.values()) index.remove(id);
  }

  match(question: string, locale: Locale): MatchResult {
    return decide(this.rank(question, locale), this.thresholds.get(locale) ?? DEFAULT_THRESHOLDS);
  }

  /** The thresholds this matcher decides with for a locale. */
  thresholdsOf(locale: Locale): MatchThresholds {
    return this.thresholds.get(locale) ?? DEFAULT_THRESHOLDS;
  }

  /** Ranked candidates with calibrated scores, best first. */
  rank(question: string, locale: Locale): MatchCandidate[] {
    const hits = this.index(locale).search(question, RERANK);
    const ranked = this.fuseShare > 0 ? this.rerank(question, hits) : hits;
    return ranked
      .map((h) => ({ entry: h.entry, score: round(h.score), matchedText: h.matchedText }))
      .sort((a, b) => b.score - a.score)
      .slice(0, CANDIDATES);
  }

  /** Blends in fuse.js's character-level similarity over the shortlist only. */
  private rerank(question: string, hits: ScoredFaq[]): ScoredFaq[] {
    const fuse = new Fuse(
      hits.map((h) => h.matchedText),
      { includeScore: true, ignoreLocation: true, threshold: 1 },
    );
    const fuzzy = new Map(fuse.search(normalizeText(question)).map((r) => [r.refIndex, 1 - (r.score ?? 1)]));
    return hits.map((h, i) => ({ ...h, score: (1 - this.fuseShare) * h.score + this.fuseShare * (fuzzy.get(i) ?? 0) }));
  }

  private index(locale: Locale): FaqIndex {
    const index = this.indexes.get(locale);
    if (!index) throw new Error(`FaqMatcher.index: unsupported locale ${locale}`);
    return index;
  }
}

/** The answer / did-you-mean / no-match decision over ranked candidates (best first). */
export function decide(candidates: readonly MatchCandidate[], thresholds: MatchThresholds): MatchResult {
  const [best, second] = candidates;
  const { answer, suggest, margin } = thresholds;
  if (!best || best.score < suggest) return { kind: 'noMatch', candidates };
  const clearLead = !second || second.score < suggest || best.score - second.score >= margin;
  if (best.score >= answer && clearLead) return { kind: 'answer', best, candidates };
  return { kind: 'ambiguous', candidates: candidates.filter((c) => c.score >= suggest).slice(0, 3) };
}

/** Defaults, then the locale's defaults, then the caller's thresholds, then the caller's for the locale. */
function thresholdsFor(locale: Locale, options: FaqMatcherOptions): MatchThresholds {
  return {
    ...DEFAULT_THRESHOLDS,
    ...DEFAULT_LOCALE_THRESHOLDS[locale],
    ...options.thresholds,
    ...options.localeThresholds?.[locale],
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
