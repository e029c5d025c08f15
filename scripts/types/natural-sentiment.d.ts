// natural's index module pulls in dotenv and much else at import; the analyzer alone is enough.
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer.js' {
  /** AFINN/Senticon/Pattern lexicon scorer: the mean polarity of the words, negations flipping what follows. */
  export default class SentimentAnalyzer {
    constructor(language: string, stemmer: { stem(token: string): string } | null, type: 'afinn' | 'senticon' | 'pattern');
    getSentiment(words: string[]): number;
  }
}
