import type { FaqEntry } from './faqEntry.js';
import { stem, type Feature, type FeatureExtractor } from './featureExtractor.js';
import { isEnglishWord } from './englishLexicon.js';
import { HomophoneCorrector } from './homophoneCorrector.js';
import { SpellingCorrector } from './spellingCorrector.js';
import { normalizeText } from './textNormalizer.js';

/** A text of an entry (its question or one alternate) as indexed. */
interface Doc {
  readonly faq: number;
  readonly text: string;
  /** Feature ids, ascending, with their weights at the same positions. */
  readonly fids: Int32Array;
  readonly weights: Float32Array;
  alive: boolean;
}

interface IndexedFaq {
  readonly entry: FaqEntry;
  readonly docs: number[];
  /** Every feature id of any of its texts: document frequency counts entries, not texts. */
  readonly fids: Set<number>;
  readonly texts: string[];
  readonly words: string[];
}

/** How well one entry matches a query, with what explains it. */
export interface ScoredFaq {
  readonly entry: FaqEntry;
  /** Calibrated similarity in [0, 1]. */
  readonly score: number;
  /** The question or alternate that matched best. */
  readonly matchedText: string;
  /** Share of the query's weight found in that text, and of the text's weight found in the query. */
  readonly queryCoverage: number;
  readonly textCoverage: number;
}

export interface FaqIndexOptions {
  /** How many texts are scored exactly after candidate generation. */
  readonly shortlist: number;
  /**
   * Features in more than this share of entries are skipped while generating candidates (they
   * still count in exact scoring); keeps queries fast when a KB has 100k entries.
   */
  readonly commonShare: number;
  /** Exponent on text coverage; (1 - this) goes to query coverage. */
  readonly textCoverageExponent: number;
  /** Power on IDF: below 1 flattens it, so words common in the KB still count for coverage. */
  readonly idfPower: number;
  /**
   * Share of query coverage measured against all texts of the entry together rather than the
   * best text alone: a long question may use words from several ways of asking the same thing.
   */
  readonly entryShare: number;
}

const DEFAULTS: FaqIndexOptions = { shortlist: 60, commonShare: 0.2, textCoverageExponent: 0.4, idfPower: 1, entryShare: 1 };

/**
 * An inverted index over the entries of one locale. Entries can be added and removed one at a
 * time (an admin edit costs one entry's work, not a rebuild); IDF is computed at query time from
 * live document frequencies, so it is always current.
 */
export class FaqIndex {
  private readonly options: FaqIndexOptions;
  private readonly featureIds = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly postings: number[][] = [];
  private readonly docs: Doc[] = [];
  private readonly faqs: Array<IndexedFaq | undefined> = [];
  private readonly faqSlot = new Map<string, number>();
  private readonly speller = new SpellingCorrector(4, isEnglishWord);
  /** Stems of the vocabulary, for misspellings two letters off a word but one off its stem. */
  private readonly stemSpeller = new SpellingCorrector(4);
  private readonly wordOfStem = new Map<string, string>();
  private readonly homophones = new HomophoneCorrector();
  private deadDocs = 0;
  private scratch = new Float64Array(0);

  constructor(
    private readonly extractor: FeatureExtractor,
    options: Partial<FaqIndexOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.faqSlot.size;
  }

  has(id: string): boolean {
    return this.faqSlot.has(id);
  }

  /** Adds an entry, replacing any entry with the same id. */
  upsert(entry: FaqEntry): void {
    this.remove(entry.id);
    const slot = this.faqs.length;
    const texts = [...new Set([entry.question, ...entry.alternates].map(normalizeText))].filter((t) => t.length > 0);
    const words = texts.flatMap((t) => this.extractor.latinWords(t));
    for (const w of words) this.addWord(w);
    for (const t of texts) this.homophones.add(t);
    const faq: IndexedFaq = { entry, docs: [], fids: new Set(), texts, words };
    for (const text of texts) {
      const docId = this.addDoc(slot, text, this.extractor.extract(text));
      faq.docs.push(docId);
      for (const fid of this.docs[docId]!.fids) faq.fids.add(fid);
    }
    for (const fid of faq.fids) this.df[fid] = (this.df[fid] ?? 0) + 1;
    this.faqs.push(faq);
    this.faqSlot.set(entry.id, slot);
  }

  /** Removes an entry; returns whether it was there. */
  remove(id: string): boolean {
    const slot = this.faqSlot.get(id);
    if (slot === undefined) return false;
    const faq = this.faqs[slot]!;
    for (const docId of faq.docs) this.docs[docId]!.alive = false;
    for (const fid of faq.fids) this.df[fid] = (this.df[fid] ?? 1) - 1;
    for (const w of faq.words) {
      this.speller.remove(w);
      this.stemSpeller.remove(stem(w));
    }
    for (const t of faq.texts) this.homophones.remove(t);
    this.faqs[slot] = undefined;
    this.faqSlot.delete(id);
    this.deadDocs += faq.docs.length;
    if (this.deadDocs > 1000 && this.deadDocs > this.docs.length / 2) this.compact();
    return true;
  }

  /** Entries ranked by similarity to the query, best first, at most `limit`. */
  search(query: string, limit: number): ScoredFaq[] {
    const normalized = this.homophones.correct(normalizeText(query));
    const features = this.extractor.extract(normalized, (w) => this.correctWord(w));
    const known = features.flatMap((f) => {
      const fid = this.featureIds.get(f.key);
      return fid === undefined || (this.df[fid] ?? 0) === 0 ? [] : [{ fid, weight: f.weight * this.idf(fid) }];
    });
    const queryWeight = features.reduce((sum, f) => sum + this.weightOf(f), 0);
    if (known.length === 0 || queryWeight === 0) return [];
    const best = new Map<number, ScoredFaq>();
    for (const docId of this.candidates(known)) {
      const scored = this.scoreDoc(docId, known, queryWeight);
      const faqSlot = this.docs[docId]!.faq;
      if (scored.score > (best.get(faqSlot)?.score ?? -1)) best.set(faqSlot, scored);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private addWord(word: string): void {
    this.speller.add(word);
    const s = stem(word);
    this.stemSpeller.add(s);
    if (!this.wordOfStem.has(s)) this.wordOfStem.set(s, word);
  }

  /**
   * A misspelt word onto the vocabulary: first the word itself ("adress" -> "address"), then its
   * stem ("recieve" is two letters off "received" but one off its stem "receiv").
   */
  private correctWord(word: string): string {
    const corrected = this.speller.correct(word);
    if (corrected !== word || this.speller.has(word) || isEnglishWord(word)) return corrected;
    const s = stem(word);
    const byStem = this.stemSpeller.correct(s);
    return byStem === s ? word : (this.wordOfStem.get(byStem) ?? word);
  }

  private idf(fid: number): number {
    const n = this.faqSlot.size;
    const df = this.df[fid] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5)) ** this.options.idfPower;
  }

  /**
   * A query feature's weight in the coverage denominator. A feature the index has never seen
   * weighs as one seen once, at its `unknownWeight` (see `Feature`).
   */
  private weightOf(feature: Feature): number {
    const fid = this.featureIds.get(feature.key);
    const df = fid === undefined ? 0 : (this.df[fid] ?? 0);
    const weight = df === 0 ? (feature.unknownWeight ?? feature.weight) : feature.weight;
    const n = this.faqSlot.size;
    return weight * Math.log(1 + (n - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5)) ** this.options.idfPower;
  }

  /** Texts sharing a rare-enough feature with the query, best partial overlap first. */
  private candidates(known: Array<{ fid: number; weight: number }>): number[] {
    if (this.scratch.length < this.docs.length) this.scratch = new Float64Array(this.docs.length * 2);
    const acc = this.scratch;
    const touched: number[] = [];
    const maxDf = Math.max(3, this.faqSlot.size * this.options.commonShare);
    const rare = known.filter((k) => (this.df[k.fid] ?? 0) <= maxDf);
    for (const { fid, weight } of rare.length > 0 ? rare : known) {
      for (const docId of this.postings[fid] ?? []) {
        if (acc[docId] === 0) touched.push(docId);
        acc[docId] = acc[docId]! + weight;
      }
    }
    const alive = touched.filter((d) => this.docs[d]!.alive);
    alive.sort((a, b) => acc[b]! - acc[a]!);
    for (const d of touched) acc[d] = 0;
    return alive.slice(0, this.options.shortlist);
  }

  private scoreDoc(docId: number, known: Array<{ fid: number; weight: number }>, queryWeight: number): ScoredFaq {
    const doc = this.docs[docId]!;
    const faq = this.faqs[doc.faq]!;
    let matched = 0;
    let matchedByEntry = 0;
    for (const { fid, weight } of known) {
      if (binarySearch(doc.fids, fid) >= 0) matched += weight;
      if (faq.fids.has(fid)) matchedByEntry += weight;
    }
    let docWeight = 0;
    doc.fids.forEach((fid, i) => (docWeight += doc.weights[i]! * this.idf(fid)));
    const share = this.options.entryShare;
    const queryCoverage = Math.min(1, ((1 - share) * matched + share * matchedByEntry) / queryWeight);
    const textCoverage = docWeight === 0 ? 0 : Math.min(1, matched / docWeight);
    const a = this.options.textCoverageExponent;
    const score = textCoverage ** a * queryCoverage ** (1 - a);
    return { entry: faq.entry, score, matchedText: doc.text, queryCoverage, textCoverage };
  }

  private addDoc(faq: number, text: string, features: Feature[]): number {
    const pairs = features.map((f) => [this.featureId(f.key), f.weight] as const).sort((a, b) => a[0] - b[0]);
    const docId = this.docs.length;
    this.docs.push({
      faq,
      text,
      fids: Int32Array.from(pairs, (p) => p[0]),
      weights: Float32Array.from(pairs, (p) => p[1]),
      alive: true,
    });
    for (const [fid] of pairs) this.postings[fid]!.push(docId);
    return docId;
  }

  private featureId(key: string): number {
    let fid = this.featureIds.get(key);
    if (fid === undefined) {
      fid = this.postings.push([]) - 1;
      this.df.push(0);
      this.featureIds.set(key, fid);
    }
    return fid;
  }

  /** Drops removed texts from the postings once they are the majority. */
  private compact(): void {
    for (let fid = 0; fid < this.postings.length; fid++) {
      this.postings[fid] = this.postings[fid]!.filter((d) => this.docs[d]!.alive);
    }
    this.deadDocs = 0;
  }
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
