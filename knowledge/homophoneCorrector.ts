import { HAN_STOP_CHARS } from './chineseStopWords.js';
import { sameWordPairs } from './chineseWords.js';
import { pinyinKey } from './pinyinKey.js';

/**
 * Corrects Chinese input-method typos against the character pairs the knowledge base uses:
 * a pair the KB never uses ("退贷", "尺马") is replaced by the most used known pair that sounds
 * the same under fuzzy pinyin ("退货", "尺码"). The Chinese counterpart of spelling correction.
 *
 * Only a pair of two content characters is a correction target, and a correction changes one
 * character: a typo picks the wrong character for one syllable. Sounding like a pair that holds
 * a particle ("点吗", "完了") or differing in both characters ("一千" / "已签") is what a different
 * real phrase does ("实体店吗", "送晚了"), and "correcting" it would make an off-topic question
 * look like one the KB answers.
 */
export class HomophoneCorrector {
  /** pinyin key of a content pair -> known content pairs with that sound and how often they occur */
  private readonly bySound = new Map<string, Map<string, number>>();
  private readonly pairs = new Map<string, number>();

  add(text: string): void {
    for (const pair of hanPairs(text)) {
      this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
      if (!isContentPair(pair)) continue;
      const sound = soundOf(pair);
      const known = this.bySound.get(sound) ?? new Map<string, number>();
      known.set(pair, (known.get(pair) ?? 0) + 1);
      this.bySound.set(sound, known);
    }
  }

  remove(text: string): void {
    for (const pair of hanPairs(text)) {
      decrement(this.pairs, pair);
      if (!isContentPair(pair)) continue;
      const known = this.bySound.get(soundOf(pair));
      if (known) decrement(known, pair);
    }
  }

  /**
   * The text with unknown character pairs replaced by their known homophones. A character that
   * already belongs to a real word with a neighbour outside the pair is left alone ("笑话呗"
   * keeps 笑话 although 花呗 sounds like 话呗).
   */
  correct(text: string): string {
    const chars = [...text];
    const joined = sameWordPairs(text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (!isHanPair(pair) || this.pairs.has(pair)) continue;
      const replacement = this.mostUsed(chars[i]!, chars[i + 1]!);
      if (!replacement) continue;
      const [a, b] = replacement;
      const leftBound = i > 0 && (joined[i - 1] === true || this.pairs.has(chars[i - 1]! + chars[i]!));
      const rightBound = i + 2 < chars.length && joined[i + 1] === true;
      if ((a !== chars[i] && leftBound) || (b !== chars[i + 1] && rightBound)) continue;
      chars[i] = a;
      chars[i + 1] = b;
    }
    return chars.join('');
  }

  /** The most used known pair that sounds like `first + second` and keeps one of the two. */
  private mostUsed(first: string, second: string): [string, string] | undefined {
    let best: [string, string] | undefined;
    let bestCount = 0;
    for (const [pair, count] of this.bySound.get(soundOf(first + second)) ?? []) {
      const [a, b] = [...pair] as [string, string];
      if ((a === first || b === second) && count > bestCount) [best, bestCount] = [[a, b], count];
    }
    return best;
  }
}

/** Neighbouring Han characters, run by run. */
function hanPairs(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

const isHanPair = (pair: string): boolean => /^\p{Script=Han}{2}$/u.test(pair);
const isContentPair = (pair: string): boolean => ![...pair].some((ch) => HAN_STOP_CHARS.has(ch));
const soundOf = (pair: string): string => [...pair].map(pinyinKey).join('_');

function decrement(map: Map<string, number>, key: string): void {
  const n = map.get(key) ?? 0;
  if (n <= 1) map.delete(key);
  else map.set(key, n - 1);
}
