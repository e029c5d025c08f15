import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { AhoCorasick } from './ahoCorasick.js';
import { sameWordPairs } from './chineseWords.js';
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

/** Function characters: too common to mean anything alone (they still count inside bigrams). */
const HAN_STOP = new Set('的了吗呢吧啊呀哦嘛么我你您他她它们是在有就都也还要会能可以请问一下这那个什么怎多少哪几和与或及把被给对从让得着过很太好想'.split(''));

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

/** The Porter stem of a lower-case English word. */
export const stem = (word: string): string => porterStemmer.stem(word);

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

  extract(text: string, correct: (word: string) => string = (w) => w): Feature[] {
    const features = new Map<string, Feature>();
    const put: Put = (key, weight, unknownWeight = weight) => {
      const old = features.get(key);
      if (!old) features.set(key, { key, weight, unknownWeight });
      else features.set(key, { key, weight: Math.max(weight, old.weight), unknownWeight: Math.max(unknownWeight, old.unknownWeight ?? 0) });
    };
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) this.addHan(run, put);
    for (const hit of this.zhConcepts.findAll(text)) put(`s:${hit.value}`, FEATURE_WEIGHTS.concept);
    const words = this.latinWords(text).map((w) => CONTRACTED.get(w) ?? (/^\d+$/u.test(w) ? w : correct(w)));
    this.addEnglish(words, put);
    return [...features.values()];
  }

  private addHan(run: string, put: Put): void {
    const chars = [...run];
    const keys = chars.map(pinyinKey);
    const joined = sameWordPairs(run);
    chars.forEach((ch, i) => {
      if (!HAN_STOP.has(ch)) put(`c:${ch}`, FEATURE_WEIGHTS.hanUnigram);
      const next = chars[i + 1];
      if (next === undefined) return;
      if (HAN_STOP.has(ch) && HAN_STOP.has(next)) return;
      put(`b:${ch}${next}`, FEATURE_WEIGHTS.hanBigram, joined[i] ? FEATURE_WEIGHTS.hanBigram : 0);
      put(`p:${keys[i]}_${keys[i + 1]}`, FEATURE_WEIGHTS.pinyinBigram, 0);
    });
  }

  private addEnglish(words: string[], put: Put): void {
    const stems = words.map(stem);
    this.addPhrases(words, stems, put);
    stems.forEach((s, i) => {
      for (const { stems: phrase, concept } of this.enConcepts.get(s) ?? []) {
        if (phrase.every((p, j) => stems[i + j] === p)) put(`s:${concept}`, FEATURE_WEIGHTS.concept);
      }
      const word = words[i]!;
      if (EN_STOP.has(word)) return;
      const weight = /^\d+$/u.test(s) ? FEATURE_WEIGHTS.number : FEATURE_WEIGHTS.stem;
      put(`w:${s}`, weight, weight * unknownWordShare(word));
    });
  }

  /**
   * Pairs of neighbouring content words ("cancel order", "tax refund"), function words skipped:
   * a known pair confirms the sense of its words, an unknown one ("netflix subscription")
   * says the question combines them into something the knowledge base does not cover.
   */
  private addPhrases(words: string[], stems: string[], put: Put): void {
    const content = stems.filter((_, i) => !EN_STOP.has(words[i]!));
    const shares = words.filter((w) => !EN_STOP.has(w)).map(unknownWordShare);
    for (let i = 0; i + 1 < content.length; i++) {
      const weight = FEATURE_WEIGHTS.phrase;
      put(`e:${content[i]}_${content[i + 1]}`, weight, weight * FEATURE_WEIGHTS.unknownPhrase * Math.min(shares[i]!, shares[i + 1]!));
    }
  }
}
