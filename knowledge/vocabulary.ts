import { isEnglishWord } from './englishLexicon.js';
import { stem } from './featureExtractor.js';
import { SpellingCorrector } from './spellingCorrector.js';

/**
 * The English words a knowledge base uses, counted, for correcting a question's misspellings
 * onto them. Words come and go with the entries that use them.
 */
export class Vocabulary {
  private readonly speller = new SpellingCorrector(4, isEnglishWord);
  /** Stems of the vocabulary, for misspellings two letters off a word but one off its stem. */
  private readonly stemSpeller = new SpellingCorrector(4);
  private readonly wordOfStem = new Map<string, string>();

  add(word: string): void {
    this.speller.add(word);
    const s = stem(word);
    this.stemSpeller.add(s);
    if (!this.wordOfStem.has(s)) this.wordOfStem.set(s, word);
  }

  remove(word: string): void {
    this.speller.remove(word);
    this.stemSpeller.remove(stem(word));
  }

  /**
   * A misspelt word onto the vocabulary: first the word itself ("adress" -> "address"), then its
   * stem ("recieve" is two letters off "received" but one off its stem "receiv").
   */
  correct(word: string): string {
    const corrected = this.speller.correct(word);
    if (corrected !== word || this.speller.has(word) || isEnglishWord(word)) return corrected;
    const s = stem(word);
    const byStem = this.stemSpeller.correct(s);
    return byStem === s ? word : (this.wordOfStem.get(byStem) ?? word);
  }
}
