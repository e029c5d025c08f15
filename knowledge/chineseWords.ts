const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where a run of Han characters breaks into words, by the dictionary segmenter built into ICU:
 * `result[i]` is true when characters `i` and `i + 1` belong to one word ("个人所得税" is one
 * word, "退款/怎么/查" three). Indexes count code points, like `[...run]`.
 */
export function sameWordPairs(run: string): boolean[] {
  const joined: boolean[] = [];
  for (const { segment } of segmenter.segment(run)) {
    const length = [...segment].length;
    if (joined.length > 0) joined.push(false);
    for (let i = 1; i < length; i++) joined.push(true);
  }
  return joined;
}
