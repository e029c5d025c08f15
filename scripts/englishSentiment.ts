import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const analyzer = new SentimentAnalyzer('English', porterStemmer, 'afinn');
const LATIN_WORD = /^[a-z]+$/u;

/**
 * Mean AFINN polarity of the English words of normalised clauses (natural's analyzer, with its
 * negation handling), 0 when there are none: below 0 reads as negative.
 */
export function englishSentiment(clauses: readonly string[]): number {
  const words = clauses.flatMap((clause) => clause.split(' ')).filter((word) => LATIN_WORD.test(word));
  return words.length === 0 ? 0 : analyzer.getSentiment(words);
}
