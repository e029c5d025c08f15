// natural's index module pulls in dotenv and much else at import; the stemmer alone is enough.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
