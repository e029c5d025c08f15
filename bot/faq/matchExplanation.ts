import type { MatchResult, MatchThresholds } from '../../knowledge/faqMatcher.js';

/**
 * Why a candidate was or was not used:
 * - `answered`: the answer (at or above the answer threshold, clearly ahead of the runner-up);
 * - `outranked`: another candidate was answered;
 * - `tooClose`: good enough to answer, but within the margin of another candidate, so the bot
 *   asks "did you mean";
 * - `belowAnswerThreshold`: offered as "did you mean" only;
 * - `belowSuggestThreshold`: too weak to be offered at all.
 */
export type CandidateReason = 'answered' | 'outranked' | 'tooClose' | 'belowAnswerThreshold' | 'belowSuggestThreshold';

export interface ExplainedCandidate {
  readonly id: string;
  readonly score: number;
  readonly question: string;
  /** The question or alternate that matched best, normalised. */
  readonly matchedText: string;
  readonly category: string | null;
  /** Whether the customer sees it: as the answer or as a "did you mean" button. */
  readonly offered: boolean;
  readonly reason: CandidateReason;
}

/** How many "did you mean" choices the dialog offers. */
const CHOICES = 3;

/** The matcher's decision, candidate by candidate, against the thresholds it used. */
export function explainMatch(result: MatchResult, thresholds: MatchThresholds): ExplainedCandidate[] {
  return result.candidates.map((c, i) => {
    const reason = reasonFor(result.kind, i, c.score, thresholds);
    const offered = reason === 'answered' || (result.kind === 'ambiguous' && i < CHOICES && reason !== 'belowSuggestThreshold');
    return {
      id: c.entry.id,
      score: c.score,
      question: c.entry.question,
      matchedText: c.matchedText,
      category: c.entry.category ?? null,
      offered,
      reason,
    };
  });
}

function reasonFor(kind: MatchResult['kind'], rank: number, score: number, t: MatchThresholds): CandidateReason {
  if (kind === 'answer') return rank === 0 ? 'answered' : 'outranked';
  if (score < t.suggest) return 'belowSuggestThreshold';
  return score >= t.answer ? 'tooClose' : 'belowAnswerThreshold';
}
