import * as OpenCC from 'opencc-js';
import { expandContractions } from './englishContractions.js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Han ideographs (CJK Unified, Extension A and compatibility ideographs). */
export const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
/** Everything that is not a letter, digit or Han character separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Normalises free text for matching: full-width to half-width (NFKC), traditional to simplified
 * Chinese, lower case, English contractions expanded, punctuation and runs of spaces to one space. Spaces between two Han
 * characters are dropped, because customers type "退 款" and mean "退款".
 */
export function normalizeText(input: string): string {
  let text = input.normalize('NFKC');
  if (HAN.test(text)) text = toSimplified(text);
  text = expandContractions(text.toLowerCase()).replace(SEPARATORS, ' ');
  text = text.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  return text.trim();
}

/** Share of Han characters among the letters of a text, 0 when there are none. */
export function hanRatio(text: string): number {
  const letters = text.match(/[\p{L}]/gu)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(HAN_GLOBAL)?.length ?? 0) / letters;
}
