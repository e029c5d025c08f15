import type { FaqEntry } from './faqEntry.js';
import type { Feature, FeatureExtractor } from './featureExtractor.js';
import { FeatureLists, sortedHas, sortedUnion, type ListSpan } from './featureLists.js';
import { HomophoneCorrector } from './homophoneCorrector.js';
import { QueryContent, type FeatureStats } from './queryContent.js';
import { normalizeText } from './textNormalizer.js';
import { Vocabulary } from './vocabulary.js';

/** A text of an entry (its question or one alternate) as indexed; its features lie in `FeatureLists`. */
interface Doc extends ListSpan {
  readonly faq: number;
  readonly text: string;
  start: number;
  alive: boolean;
}

interface IndexedFaq {
  readonly entry: FaqEntry;
  readonly docs: number[];
  /** Every feature id of any of its texts, ascending: document frequency counts entries, not texts. */
  readonly fids: Int32Array;
  /** Its normalised texts, to take their words and pairs out of the correctors on removal. */
  readonly texts: string[];
}

/** A query as scored against one text: its known features (IDF-weighted), total weight and content. */
interface ScoringQuery {
  readonly known: ReadonlyArray<{ fid: number; weight: number }>;
  readonly queryWeight: number;
  readonly content: QueryContent;
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
  /** Share of the query's content words (IDF-weighted) that the entry uses (see `QueryContent`). */
  readonly contentCoverage: number;
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
  /**
   * Weight of content coverage in the score, a weighted geometric mean with the feature-based
   * similarity. Character pairs and pinyin match the way a question is phrased ("怎么处理",
   * "帮我查一下") as much as what it is about; content words weigh only the topic.
   */
  readonly contentShare: number;
}

const DEFAULTS: FaqIndexOptions = {
  shortlist: 60,
  commonShare: 0.2,
  textCoverageExponent: 0.4,
  idfPower: 1,
  entryShare: 1,
  contentShare: 1 / 3,
};

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
  private readonly docFeatures = new FeatureLists();
  private readonly faqs: Array<IndexedFaq | undefined> = [];
  private readonly faqSlot = new Map<string, number>();
  private readonly vocabulary = new Vocabulary();
  private readonly homophones = new HomophoneCorrector();
  private deadDocs = 0;
  private scratch = new Float64Array(0);
  private readonly stats: FeatureStats = {
    id: (key) => this.featureIds.get(key),
    df: (fid) => this.df[fid] ?? 0,
    idf: (df) => this.idfOfCount(df),
  };

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
    for (const t of texts) {
      for (const w of this.extractor.latinWords(t)) this.vocabulary.add(w);
      this.homophones.add(t);
    }
    const docs = texts.map((text) => this.addDoc(slot, text, this.extractor.extractForIndex(text)));
    const fids = sortedUnion(docs.map((d) => this.docFeatures.idsOf(this.docs[d]!)));
    for (const fid of fids) this.df[fid] = (this.df[fid] ?? 0) + 1;
    this.faqs.push({ entry, docs, fids, texts });
    this.faqSlot.set(entry.id, slot);
  }

  /** Removes an entry; returns whether it was there. */
  remove(id: string): boolean {
    const slot = this.faqSlot.get(id);
    if (slot === undefined) return false;
    const faq = this.faqs[slot]!;
    for (const docId of faq.docs) this.docs[docId]!.alive = false;
    for (const fid of faq.fids) this.df[fid] = (this.df[fid] ?? 1) - 1;
    for (const t of faq.texts) {
      for (const w of this.extractor.latinWords(t)) this.vocabulary.remove(w);
      this.homophones.remove(t);
    }
    this.faqs[slot] = undefined;
    this.faqSlot.delete(id);
    this.deadDocs += faq.docs.length;
    if (this.deadDocs > 1000 && this.deadDocs > this.docs.length / 2) this.compact();
    return true;
  }

  /** Entries ranked by similarity to the query, best first, at most `limit`. */
  search(query: string, limit: number): ScoredFaq[] {
    const normalized = this.homophones.correct(normalizeText(query));
    const correct = (w: string): string => this.vocabulary.correct(w);
    const features = this.extractor.extract(normalized, correct);
    const known = features.flatMap((f) => {
      const fid = this.featureIds.get(f.key);
      return fid === undefined || (this.df[fid] ?? 0) === 0 ? [] : [{ fid, weight: f.weight * this.idf(fid) }];
    });
    const queryWeight = features.reduce((sum, f) => sum + this.weightOf(f), 0);
    if (known.length === 0 || queryWeight === 0) return [];
    const content = QueryContent.of(this.extractor.contentWords(normalized, correct), this.stats);
    const best = new Map<number, ScoredFaq>();
    for (const docId of this.candidates(known)) {
      const scored = this.scoreDoc(docId, { known, queryWeight, content });
      const faqSlot = this.docs[docId]!.faq;
      if (scored.score > (best.get(faqSlot)?.score ?? -1)) best.set(faqSlot, scored);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private idf(fid: number): number {
    return this.idfOfCount(this.df[fid] ?? 0);
  }

  /** BM25's IDF for a feature in `df` entries; one never seen counts as seen once. */
  private idfOfCount(df: number): number {
    const n = this.faqSlot.size;
    const d = Math.max(df, 1);
    return Math.log(1 + (n - d + 0.5) / (d + 0.5)) ** this.options.idfPower;
  }

  /**
   * A query feature's weight in the coverage denominator. A feature the index has never seen
   * weighs as one seen once, at its `unknownWeight` (see `Feature`).
   */
  private weightOf(feature: Feature): number {
    const fid = this.featureIds.get(feature.key);
    const df = fid === undefined ? 0 : (this.df[fid] ?? 0);
    const weight = df === 0 ? (feature.unknownWeight ?? feature.weight) : feature.weight;
    return weight * this.idfOfCount(df);
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

  private scoreDoc(docId: number, query: ScoringQuery): ScoredFaq {
    const { known, queryWeight } = query;
    const doc = this.docs[docId]!;
    const faq = this.faqs[doc.faq]!;
    let matched = 0;
    let matchedByEntry = 0;
    for (const { fid, weight } of known) {
      if (this.docFeatures.has(doc, fid)) matched += weight;
      if (sortedHas(faq.fids, fid)) matchedByEntry += weight;
    }
    const docWeight = this.docFeatures.weightedSum(doc, (fid) => this.idf(fid));
    const share = this.options.entryShare;
    const queryCoverage = Math.min(1, ((1 - share) * matched + share * matchedByEntry) / queryWeight);
    const textCoverage = docWeight === 0 ? 0 : Math.min(1, matched / docWeight);
    const a = this.options.textCoverageExponent;
    const similarity = textCoverage ** a * queryCoverage ** (1 - a);
    const contentCoverage = query.content.coveredBy((fid) => sortedHas(faq.fids, fid));
    const c = this.options.contentShare;
    const score = similarity ** (1 - c) * contentCoverage ** c;
    return { entry: faq.entry, score, matchedText: doc.text, queryCoverage, textCoverage, contentCoverage };
  }

  private addDoc(faq: number, text: string, features: Feature[]): number {
    const ids = features.map((f) => this.featureId(f.key));
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
    const fids = new Int32Array(order.length);
    const weights = new Float32Array(order.length);
    order.forEach((from, to) => {
      fids[to] = ids[from]!;
      weights[to] = features[from]!.weight;
    });
    const docId = this.docs.length;
    this.docs.push({ faq, text, ...this.docFeatures.add(fids, weights), alive: true });
    for (const fid of fids) this.postings[fid]!.push(docId);
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
    const alive = this.docs.filter((d) => d.alive);
    this.docFeatures.compact(alive).forEach((span, i) => (alive[i]!.start = span.start));
    this.deadDocs = 0;
  }
}
