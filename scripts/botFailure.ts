import type { TriageInput } from './triageTypes.js';

/** Unanswered questions, or unhelpful answers, in a row that mean the bot is not coping. */
export const FAILURE_STREAK = 2;

/** True when the bot has failed the customer twice running (unanswered or marked unhelpful). */
export function botHasFailed(input: Pick<TriageInput, 'unansweredStreak' | 'unhelpfulStreak'>): boolean {
  return input.unansweredStreak >= FAILURE_STREAK || input.unhelpfulStreak >= FAILURE_STREAK;
}
