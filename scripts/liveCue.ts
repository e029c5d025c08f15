import type { CueHit, CueSet } from './cueSet.js';
import { isHypothetical } from './hypothetical.js';
import { isNegated } from './negation.js';

/** An extra test that can discard a hit (e.g. an emotion felt by someone else). */
export type CueGuard = (clause: string, hit: CueHit) => boolean;

/**
 * True when some clause holds a cue of the set that is neither negated, nor hypothetical, nor
 * discarded by one of the extra guards.
 */
export function hasLiveCue(clauses: readonly string[], cues: CueSet, guards: readonly CueGuard[] = []): boolean {
  const discards: CueGuard[] = [isNegated, isHypothetical, ...guards];
  return clauses.some((clause) => cues.find(clause).some((hit) => !discards.some((discard) => discard(clause, hit))));
}
