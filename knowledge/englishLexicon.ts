import { createRequire } from 'node:module';

/** Word -> its possible Penn Treebank tags, from the lexicon natural ships for its POS tagger. */
type Lexicon = Readonly<Record<string, readonly string[] | undefined>>;

const LEXICON_PATH = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
let lexicon: Lexicon | undefined;

/** The lexicon (about 90,000 words), loaded on first use. */
function load(): Lexicon {
  lexicon ??= createRequire(import.meta.url)(LEXICON_PATH) as Lexicon;
  return lexicon;
}

/**
 * Whether a lower-case word is a real English word. A real word is never spell-corrected onto
 * the knowledge base's vocabulary: "charge" is not a typo of "change".
 */
export function isEnglishWord(word: string): boolean {
  return Object.hasOwn(load(), word);
}

/** The part-of-speech tags a word can take (empty when the word is not in the lexicon). */
export function posTags(word: string): readonly string[] {
  return (Object.hasOwn(load(), word) ? load()[word] : undefined) ?? [];
}
