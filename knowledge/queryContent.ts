import type { ContentWord } from './featureExtractor.js';

/** What an index knows about features, as `QueryContent` needs it. */
export interface FeatureStats {
  /** The id of a feature, or undefined when the index has never seen it. */
  id(key: string): number | undefined;
  /** In how many entries a feature occurs. */
  df(id: number): number;
  /** The inverse document frequency for a feature in `df` entries (an unseen one counts as in one). */
  idf(df: number): number;
}

interface WeighedWord {
  /** Feature ids an entry must all have to cover the word; empty when the index lacks one. */
  readonly ids: readonly number[];
  /** Concept ids of which any covers the word. */
  readonly concepts: readonly number[];
  readonly weight: number;
}

/**
 * The content words of one question, weighed by IDF, for measuring how much of what the question
 * is about an entry covers. A word the knowledge base never uses weighs as a rare word does, so
 * "快递员招人吗" is mostly about something no entry covers although 快递 is in many: one topic
 * word in common is not enough to answer a question about something else.
 */
export class QueryContent {
  private constructor(
    private readonly words: readonly WeighedWord[],
    private readonly total: number,
  ) {}

  static of(words: readonly ContentWord[], stats: FeatureStats): QueryContent {
    const weighed = words.map((word): WeighedWord => {
      const ids = word.keys.map((key) => stats.id(key));
      const dfs = ids.map((id) => (id === undefined ? 0 : stats.df(id)));
      // A word is as rare as its rarest part; it is unknown when any part is.
      const df = Math.min(...dfs);
      const known = df > 0;
      return {
        ids: known ? ids.filter((id) => id !== undefined) : [],
        concepts: word.concepts.flatMap((key) => stats.id(key) ?? []),
        weight: (known ? word.weight : word.unknownWeight) * stats.idf(df),
      };
    });
    return new QueryContent(weighed, weighed.reduce((sum, w) => sum + w.weight, 0));
  }

  /**
   * Share of the question's content weight that an entry covers, in [0, 1], given whether the
   * entry has a feature; 1 when the question has no content words (nothing is left uncovered).
   */
  coveredBy(has: (id: number) => boolean): number {
    if (this.total === 0) return 1;
    let covered = 0;
    for (const word of this.words) {
      const direct = word.ids.length > 0 && word.ids.every(has);
      if (direct || word.concepts.some(has)) covered += word.weight;
    }
    return covered / this.total;
  }
}
