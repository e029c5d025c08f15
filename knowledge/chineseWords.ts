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
