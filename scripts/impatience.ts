import { CueSet } from './cueSet.js';

/**
 * Words of impatience or exasperation that, typed with "！！！" or in capitals, make emphasis
 * read as anger rather than delight: "到底什么时候到？？？", "WHERE IS MY ORDER".
 */
const IMPATIENCE = new CueSet({
  phrases: [
    '到底', '怎么还', '还没', '还不', '还是没', '为什么', '为啥', '凭什么', '怎么回事', '什么情况', '啥情况',
    '搞什么', '有没有搞错', '能不能快点',
    'where is my', 'where s my', 'still', 'why', 'again', 'how many times', 'how long', 'so done', 'done with',
    'kidding', 'seriously', 'nobody', 'no one',
  ],
  patterns: [/都.{1,6}了/u, /^.{1,4}呢$/u],
});

/** True when some clause carries an impatience cue. */
export function soundsImpatient(clauses: readonly string[]): boolean {
  return clauses.some((clause) => IMPATIENCE.find(clause).length > 0);
}
