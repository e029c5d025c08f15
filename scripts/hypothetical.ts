import type { CueHit } from './cueSet.js';

/** Chinese "if" markers: "要是质量有问题怎么投诉呢" asks about a procedure, it does not complain. */
const ZH_CONDITIONAL = /(如果|要是|万一|假如|假设|若是)/u;
/** A consequence marker turns the conditional into a threat: "如果不解决我就投诉". */
const ZH_CONSEQUENCE = /(就|马上|立刻|直接)/u;
const EN_CONDITIONAL = /\b(if|in case|suppose|supposing)\b/u;
const EN_CONSEQUENCE = /\b(will|going to|gonna|then|shall)\b/u;

/**
 * True when a cue sits in the hypothetical part of its clause, after an "if" marker with no
 * consequence marker between them: a question about what one would do, not a threat.
 */
export function isHypothetical(clause: string, hit: CueHit): boolean {
  const before = clause.slice(0, hit.start);
  for (const [conditional, consequence] of [
    [ZH_CONDITIONAL, ZH_CONSEQUENCE],
    [EN_CONDITIONAL, EN_CONSEQUENCE],
  ] as const) {
    const match = conditional.exec(before);
    if (match && !consequence.test(before.slice(match.index + match[0].length))) return true;
  }
  return false;
}
