import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { AhoCorasick } from './ahoCorasick.js';
import { HAN_STOP_CHARS as HAN_STOP, isChineseStopWord } from './chineseStopWords.js';
import { chineseWords, sameWordPairs } from './chineseWords.js';
import { posTags } from './englishLexicon.js';
import { pinyinKey } from './pinyinKey.js';
import { CONCEPT_GROUPS, type ConceptGroup } from './synonyms.js';

/** A weighted feature of a text; keys are namespaced by kind (`b:` bigram, `w:` stem, ...). */
export interface Feature {
  readonly key: string;
  readonly weight: number;
  /**
   * Its weight in a query when the index has never seen it (the default is `weight`). An unseen
   * Chinese pair inside one word ("退税", "所得") is content the knowledge base lacks; an unseen
   * pair across two words ("的卫", "衣穿") means nothing, and an unseen pinyin pair only repeats
   * its character pair.
   */
  readonly unknownWeight?: number;
}

/**
 * A word of a question that says what it is about (function words left out), for measuring how
 * much of the question an entry covers. Chinese words come from the dictionary segmenter, English
 * ones are stems.
 */
export interface ContentWord {
  readonly text: string;
  /** Features an entry must all have to use this word: its stem, character or character pairs. */
  readonly keys: readonly string[];
  /** Concept features of the synonym groups it belongs to: an entry with one of them covers it too. */
  readonly concepts: readonly string[];
  /** Weight before IDF, and when the knowledge base never uses the word (see `Feature`). */
  readonly weight: number;
  readonly unknownWeight: number;
}

type Put = (key: string, weight: number, unknownWeight?: number) => void;

/** How much each kind of feature counts before IDF; tuned once on the whole eval set. */
export const FEATURE_WEIGHTS = {
  hanBigram: 1,
  hanUnigram: 0.35,
  pinyinBigram: 0.6,
  stem: 1,
  number: 0.5,
  concept: 1.2,
  /** Share of its weight an English word the KB never uses keeps when it is not a noun. */
  unknownNonNoun: 0.5,
  phrase: 0.5,
  /** Share of its weight an English word pair the KB never uses keeps. */
  unknownPhrase: 1,
} as const;

const EN_STOP = new Set(
  ('a an the i me my mine you your yours we our us it its this that these those is are am was were be been being do does did ' +
    'to of for in on at by with from and or but if so as please hi hello hey thanks thank can could would will shall should ' +
    'may might must have has had there here just also any some get got im ive id dont cant s d ll re ve m u ur pls plz ' +
    'what whats how why which who whom where').split(' '),
);

/** Contractions split by normalisation ("isn't" -> "isn t"): the bare "t" is a negation. */
const CONTRACTED = new Map([['t', 'not'], ['nt', 'not']]);

/**
 * How much an English word the knowledge base lacks says that the question is about something
 * else. Nouns carry the topic ("cancel my Netflix subscription"); verbs, adjectives and adverbs
 * mostly tell the circumstances ("the zipper broke the first time I wore it"). Words missing
 * from the lexicon are mostly names, so they count as nouns.
 */
function unknownWordShare(word: string): number {
  const tag = posTags(word)[0];
  return tag === undefined || tag.startsWith('NN') ? 1 : FEATURE_WEIGHTS.unknownNonNoun;
}

const stems = new Map<string, string>();
/** Words whose stems are remembered; the cache starts afresh past this, so it cannot grow without end. */
const STEM_CACHE_SIZE = 50_000;

/** The Porter stem of a lower-case English word (remembered: a knowledge base repeats its words). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    s = porterStemmer.stem(word);
    stems.set(word, s);
  }
  return s;
}

/** Concept matchers for one script, built once. */
function chineseConcepts(groups: readonly ConceptGroup[]): AhoCorasick<string> {
  return new AhoCorasick(groups.flatMap((g) => g.zh.map((m) => [m, g.concept] as const)));
}

function englishConcepts(groups: readonly ConceptGroup[]): Map<string, Array<{ stems: string[]; concept: string }>> {
  const byFirst = new Map<string, Array<{ stems: string[]; concept: string }>>();
  for (const group of groups) {
    for (const member of group.en) {
      const stems = member.split(' ').map(stem);
      const first = stems[0]!;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { stems, concept: group.concept }]);
    }
  }
  return byFirst;
}

/**
 * Turns normalised text (see `normalizeText`) into weighted features. Chinese runs give
 * character bigrams, non-function unigrams and fuzzy-pinyin bigrams (for homophone typos);
 * Latin words give Porter stems after spelling correction; known colloquial words and phrases
 * give their concept. `correct` maps a word onto the vocabulary (identity when absent).
 */
export class FeatureExtractor {
  private readonly zhConcepts: AhoCorasick<string>;
  private readonly enConcepts: Map<string, Array<{ stems: string[]; concept: string }>>;

  constructor(groups: readonly ConceptGroup[] = CONCEPT_GROUPS) {
    this.zhConcepts = chineseConcepts(groups);
    this.enConcepts = englishConcepts(groups);
  }

  /** The distinct Latin words of a normalised text (what a spelling vocabulary is built from). */
  latinWords(text: string): string[] {
    return text.match(/[^\s\p{Script=Han}]+/gu) ?? [];
  }

  /** A question's features, with the weights its features unseen by the index take (see `Feature`). */
  extract(text: string, correct: (word: string) => string = (w) => w): Feature[] {
    return this.features(text, correct, true);
  }

  /**
   * An entry text's features. The weights of unseen features only matter in a question, and they
   * are the costly part (word segmentation, part-of-speech look-ups), so indexing skips them.
   */
  extractForIndex(text: string): Feature[] {
    return this.features(text, (w) => w, false);
  }

  private features(text: string, correct: (word: string) => string, query: boolean): Feature[] {
    const features = new Map<string, Feature>();
    const put: Put = (key, weight, unknownWeight = weight) => {
      const old = features.get(key);
      if (!old) features.set(key, { key, weight, unknownWeight });
      else features.set(key, { key, weight: Math.max(weight, old.weight), unknownWeight: Math.max(unknownWeight, old.unknownWeight ?? 0) });
    };
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) this.addHan(run, put, query);
    for (const hit of this.zhConcepts.findAll(text)) put(`s:${hit.value}`, FEATURE_WEIGHTS.concept);
    this.addEnglish(this.correctedWords(text, correct), put, query);
    return [...features.values()];
  }

  /**
   * The content words of a normalised text: Chinese words that are not function words, with
   * the features that make them up, and English content words as stems. A word inside a phrase of
   * a synonym group also names the group's concept.
   */
  contentWords(text: string, correct: (word: string) => string = (w) => w): ContentWord[] {
    const hits = this.zhConcepts.findAll(text);
    const chinese = chineseWords(text)
      .filter((w) => !isChineseStopWord(w.word))
      .map(({ word, start, end }): ContentWord => {
        const chars = [...word];
        const keys = chars.length === 1 ? [`c:${word}`] : chars.slice(1).map((ch, i) => `b:${chars[i]}${ch}`);
        const concepts = hits.filter((h) => h.start < end && h.end > start).map((h) => `s:${h.value}`);
        return { text: word, keys, concepts, weight: 1, unknownWeight: 1 };
      });
    const words = this.correctedWords(text, correct);
    const stems = words.map(stem);
    const hitsAt = this.englishConceptHits(stems);
    const english = words.flatMap((word, i): ContentWord[] => {
      if (EN_STOP.has(word)) return [];
      const concepts = hitsAt.filter((h) => h.start <= i && i < h.end).map((h) => `s:${h.concept}`);
      const weight = /^\d+$/u.test(word) ? FEATURE_WEIGHTS.number : FEATURE_WEIGHTS.stem;
      return [{ text: word, keys: [`w:${stems[i]!}`], concepts, weight, unknownWeight: weight * unknownWordShare(word) }];
    });
    return [...chinese, ...english];
  }

  /** Latin words onto the vocabulary; numbers stay, a contracted "t" reads as "not". */
  private correctedWords(text: string, correct: (word: string) => string): string[] {
    return this.latinWords(text).map((w) => CONTRACTED.get(w) ?? (/^\d+$/u.test(w) ? w : correct(w)));
  }

  /** Where phrases of synonym groups occur among stems, as word index ranges (`end` exclusive). */
  private englishConceptHits(stems: string[]): Array<{ start: number; end: number; concept: string }> {
    return stems.flatMap((s, i) =>
      (this.enConcepts.get(s) ?? [])
        .filter(({ stems: phrase }) => phrase.every((p, j) => stems[i + j] === p))
        .map(({ stems: phrase, concept }) => ({ start: i, end: i + phrase.length, concept })),
    );
  }

  private addHan(run: string, put: Put, query: boolean): void {
    const chars = [...run];
    const keys = chars.map(pinyinKey);
    const joined = query ? sameWordPairs(run) : undefined;
    chars.forEach((ch, i) => {
      if (!HAN_STOP.has(ch)) put(`c:${ch}`, FEATURE_WEIGHTS.hanUnigram);
      const next = chars[i + 1];
      if (next === undefined) return;
      if (HAN_STOP.has(ch) && HAN_STOP.has(next)) return;
      put(`b:${ch}${next}`, FEATURE_WEIGHTS.hanBigram, joined && !joined[i] ? 0 : FEATURE_WEIGHTS.hanBigram);
      put(`p:${keys[i]}_${keys[i + 1]}`, FEATURE_WEIGHTS.pinyinBigram, 0);
    });
  }

  private addEnglish(words: string[], put: Put, query: boolean): void {
    const stems = words.map(stem);
    this.addPhrases(words, stems, put, query);
    for (const hit of this.englishConceptHits(stems)) put(`s:${hit.concept}`, FEATURE_WEIGHTS.concept);
    stems.forEach((s, i) => {
      const word = words[i]!;
      if (EN_STOP.has(word)) return;
      const weight = /^\d+$/u.test(s) ? FEATURE_WEIGHTS.number : FEATURE_WEIGHTS.stem;
      put(`w:${s}`, weight, query ? weight * unknownWordShare(word) : weight);
    });
  }

  /**
   * Pairs of neighbouring content words ("cancel order", "tax refund"), function words skipped:
   * a known pair confirms the sense of its words, an unknown one ("netflix subscription")
   * says the question combines them into something the knowledge base does not cover.
   */
  private addPhrases(words: string[], stems: string[], put: Put, query: boolean): void {
    const content = stems.filter((_, i) => !EN_STOP.has(words[i]!));
    const shares = query ? words.filter((w) => !EN_STOP.has(w)).map(unknownWordShare) : [];
    for (let i = 0; i + 1 < content.length; i++) {
      const weight = FEATURE_WEIGHTS.phrase;
      const share = query ? Math.min(shares[i]!, shares[i + 1]!) : 1;
      put(`e:${content[i]}_${content[i + 1]}`, weight, weight * FEATURE_WEIGHTS.unknownPhrase * share);
    }
  }
}
