import { AhoCorasick } from '../knowledge/ahoCorasick.js';

/** Where a cue was found in a clause; `end` is exclusive. */
export interface CueHit {
  readonly start: number;
  readonly end: number;
}

/** What a cue set is built from. Everything is matched against normalised clauses (lower case, simplified). */
export interface CueSpec {
  /** Literal phrases; a phrase edge that is a Latin letter or digit must sit on a word boundary. */
  readonly phrases?: readonly string[];
  /** Patterns for cues that need context or alternatives; the `g` flag is added. */
  readonly patterns?: readonly RegExp[];
  /** Benign phrases or patterns; a cue lying wholly inside one of them is not a cue (垃圾 in 垃圾袋). */
  readonly masks?: readonly (string | RegExp)[];
}

const WORD_CHAR = /[\p{Script=Latin}\p{N}]/u;

/** True when `text[index]` is a Latin letter or digit. */
function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}

/** A Latin-edged hit must not continue a word on either side ("scam" is not in "scampi"). */
function onWordBoundary(text: string, hit: CueHit): boolean {
  const startsWord = !isWordChar(text, hit.start) || !isWordChar(text, hit.start - 1);
  const endsWord = !isWordChar(text, hit.end - 1) || !isWordChar(text, hit.end);
  return startsWord && endsWord;
}

function globalPattern(pattern: RegExp): RegExp {
  return pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

function patternHits(text: string, patterns: readonly RegExp[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) hits.push({ start: match.index, end: match.index + match[0].length });
  }
  return hits;
}

/**
 * A family of cues (phrases and patterns) with the benign phrases that contain them. Literal
 * phrases go through one Aho-Corasick pass; patterns carry the cues that need context.
 */
export class CueSet {
  private readonly phrases: AhoCorasick<true> | undefined;
  private readonly patterns: RegExp[];
  private readonly maskPhrases: AhoCorasick<true> | undefined;
  private readonly maskPatterns: RegExp[];

  constructor(spec: CueSpec) {
    const phrases = spec.phrases ?? [];
    const maskPhrases = (spec.masks ?? []).filter((mask): mask is string => typeof mask === 'string');
    this.phrases = phrases.length > 0 ? new AhoCorasick(phrases.map((p) => [p, true] as const)) : undefined;
    this.patterns = (spec.patterns ?? []).map(globalPattern);
    this.maskPhrases = maskPhrases.length > 0 ? new AhoCorasick(maskPhrases.map((p) => [p, true] as const)) : undefined;
    this.maskPatterns = (spec.masks ?? []).filter((mask): mask is RegExp => mask instanceof RegExp).map(globalPattern);
  }

  /** Every cue in a normalised clause that no mask covers, in order of start. */
  find(clause: string): CueHit[] {
    const literal = (this.phrases?.findAll(clause) ?? []).filter((hit) => onWordBoundary(clause, hit));
    const masks = [...(this.maskPhrases?.findAll(clause) ?? []), ...patternHits(clause, this.maskPatterns)];
    const covered = (hit: CueHit): boolean => masks.some((mask) => mask.start <= hit.start && hit.end <= mask.end);
    return [...literal, ...patternHits(clause, this.patterns)]
      .filter((hit) => !covered(hit))
      .sort((a, b) => a.start - b.start);
  }
}
