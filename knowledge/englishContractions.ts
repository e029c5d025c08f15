/** Contractions written with an apostrophe (straight or curly), expanded to their words. */
const APOSTROPHE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan['’]t\b/gu, 'can not'],
  [/\bwon['’]t\b/gu, 'will not'],
  [/\b([a-z]+)n['’]t\b/gu, '$1 not'],
  [/\b([a-z]+)['’]re\b/gu, '$1 are'],
  [/\b([a-z]+)['’]ve\b/gu, '$1 have'],
  [/\b([a-z]+)['’]ll\b/gu, '$1 will'],
  [/\bi['’]m\b/gu, 'i am'],
  [/\b(where|what|who|how|when|why|it|that|there|here|he|she)['’]s\b/gu, '$1 is'],
  [/\b(i|you|we|they|he|she)['’]d\b/gu, '$1 would'],
];

/** The same contractions typed without the apostrophe, as people do on phones. */
const BARE = new Map(
  Object.entries({
    dont: 'do not', didnt: 'did not', doesnt: 'does not', cant: 'can not', isnt: 'is not', arent: 'are not',
    wasnt: 'was not', werent: 'were not', havent: 'have not', hasnt: 'has not', hadnt: 'had not',
    couldnt: 'could not', shouldnt: 'should not', wouldnt: 'would not', im: 'i am', ive: 'i have',
    wheres: 'where is', whats: 'what is', hows: 'how is', thats: 'that is', theres: 'there is',
    youre: 'you are', theyre: 'they are', itll: 'it will',
  }),
);

/** Expands English contractions in lower-case text ("where's" -> "where is", "didnt" -> "did not"). */
export function expandContractions(text: string): string {
  if (!/[a-z]/u.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of APOSTROPHE) out = out.replace(pattern, replacement);
  return out.replace(/\b[a-z]+\b/gu, (w) => BARE.get(w) ?? w);
}
