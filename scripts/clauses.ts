import { normalizeText } from '../knowledge/textNormalizer.js';

/** Book, film and product titles in 《》: their words are names, not the customer speaking. */
const TITLES = /《[^》]*》/gu;
/**
 * Clause breaks: sentence and clause punctuation, symbols and line breaks, plus a space next to a
 * Han character (Chinese customers type "在吗 找人工" for "在吗，找人工"). Apostrophes and
 * hyphens stay, because the normaliser needs them for "I'm" and "rip-off".
 */
const BREAKS = /[^\p{L}\p{N}\s'’-]+|\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+|\n+/u;

/**
 * Splits a raw customer message into normalised clauses (see `normalizeText`), dropping titles in
 * 《》 and empty pieces. Cues and their negations are looked for within one clause, because the
 * normaliser joins Han characters across punctuation ("我没问题，我要投诉" -> one run).
 */
export function splitClauses(raw: string): string[] {
  return raw
    .replace(TITLES, ' ')
    .split(BREAKS)
    .map((piece) => normalizeText(piece))
    .filter((piece) => piece.length > 0);
}
