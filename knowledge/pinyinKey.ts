import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

/**
 * Rules that fold syllables Chinese input-method users confuse (z/zh, c/ch, s/sh, n/l, h/f,
 * -n/-ng) onto one key, so a near-homophone typo still meets the word it stands for.
 */
const FUZZY: ReadonlyArray<readonly [RegExp, string]> = [
  [/^zh/u, 'z'],
  [/^ch/u, 'c'],
  [/^sh/u, 's'],
  [/^l/u, 'n'],
  [/^f/u, 'h'],
  [/ng$/u, 'n'],
  [/^r/u, 'n'],
];

/**
 * A toneless, fuzzy pinyin key for one Han character ("保" and "包" both give "bao", "码" and
 * "马" both "ma"). Characters with several readings use their most common one; both sides of a
 * match go through the same table, so the key only has to be consistent, not always right.
 */
export function pinyinKey(char: string): string {
  let key = cache.get(char);
  if (key === undefined) {
    key = pinyin(char, { toneType: 'none', type: 'string' });
    for (const [from, to] of FUZZY) key = key.replace(from, to);
    cache.set(char, key);
  }
  return key;
}
