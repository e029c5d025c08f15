import * as OpenCC from 'opencc-js';

const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Characters OpenCC leaves alone one at a time because they are also valid simplified forms. */
const CHAR_OVERRIDES: ReadonlyMap<string, string> = new Map([['著', '着']]);
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
/** Apostrophes vanish, so "don't" and "dont" read the same. */
const APOSTROPHES = /['’‘ʼ´`]/u;

/** Text normalised for matching, with the original span of every normalised character. */
export interface MappedText {
  /** The normalised text. */
  readonly text: string;
  /** `starts[i]`: offset in the original text where normalised character `i` comes from. */
  readonly starts: readonly number[];
  /** `ends[i]`: exclusive end offset in the original text of normalised character `i`. */
  readonly ends: readonly number[];
}

const simplifiedCache = new Map<string, string>();

/** One character to simplified Chinese (cached; OpenCC on single characters). */
function toSimplified(ch: string): string {
  const cached = simplifiedCache.get(ch);
  if (cached !== undefined) return cached;
  let out = CHAR_OVERRIDES.get(ch) ?? hkToCn(ch);
  if (out === ch) out = twToCn(ch);
  simplifiedCache.set(ch, out);
  return out;
}

/** Whether a character is a non-Han letter or a digit, i.e. part of an alphabetic word or a number. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch) && !HAN.test(ch);
}

/** Whether a run of separators between `a` and `b` keeps one space (between words, not inside numbers or Han). */
function keepsSpace(a: string, b: string): boolean {
  return isWordChar(a) && isWordChar(b) && !(DIGIT.test(a) && DIGIT.test(b));
}

/**
 * Normalises text for phrase matching, character by character so that every normalised character
 * maps back to the original: NFKC (full-width to half-width), traditional to simplified Chinese,
 * lower case; apostrophes vanish; spaces, punctuation and separators (- _ . * ·) are dropped, except
 * that a run of them between two alphabetic words becomes one space so English word boundaries survive.
 */
export function normalizeMapped(input: string): MappedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let gapStart = -1;
  let gapEnd = -1;
  let offset = 0;
  for (const codePoint of input) {
    const start = offset;
    offset += codePoint.length;
    const converted = toSimplified(codePoint.normalize('NFKC')).toLowerCase();
    for (const ch of converted) {
      if (APOSTROPHES.test(ch)) continue;
      if (!WORD.test(ch)) {
        if (gapStart < 0) gapStart = start;
        gapEnd = offset;
        continue;
      }
      const previous = chars[chars.length - 1];
      if (gapStart >= 0 && previous !== undefined && keepsSpace(previous, ch)) {
        chars.push(' ');
        starts.push(gapStart);
        ends.push(gapEnd);
      }
      gapStart = -1;
      for (const unit of ch.split('')) {
        chars.push(unit);
        starts.push(start);
        ends.push(offset);
      }
    }
  }
  return { text: chars.join(''), starts, ends };
}

/** The normalised form of a phrase, as {@link normalizeMapped} would produce it inside a text. */
export function normalizePhrase(phrase: string): string {
  return normalizeMapped(phrase).text;
}
