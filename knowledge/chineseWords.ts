const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where a run of Han characters breaks into words, by the dictionary segmenter built into ICU:
 * `result[i]` is true when characters `i` and `i + 1` belong to one word ("个人所得税" is one
 * word, "退款/怎么/查" three). Indexes count code points, like `[...run]`.
 */
export function sameWordPairs(run: string): boolean[] {
  const joined: boolean[] = [];
  let first = true;
  for (const { segment } of segmenter.segment(run)) {
    if (!first) joined.push(false);
    first = false;
    for (let i = [...segment].length; i > 1; i--) joined.push(true);
  }
  return joined;
}

/** A word of a text as the segmenter sees it; `start` and `end` count UTF-16 code units. */
export interface TextWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const HAN_WORD = /^\p{Script=Han}+$/u;

/** The Chinese words of a text (runs of Han characters split by the ICU dictionary segmenter). */
export function chineseWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    if (HAN_WORD.test(segment)) words.push({ word: segment, start: index, end: index + segment.length });
  }
  return words;
}
