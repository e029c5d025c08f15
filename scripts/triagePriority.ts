import type { Priority, TriageReason } from './triageTypes.js';

/** The order reasons are reported in, whatever order they were found in. */
export const REASON_ORDER: readonly TriageReason[] = ['vip', 'complaint', 'anger', 'repeatContact', 'humanRequested', 'botFailure'];

/** Reasons that make a conversation urgent. */
const URGENT: ReadonlySet<TriageReason> = new Set(['complaint', 'anger']);

/** Distinct reasons in `REASON_ORDER`. */
export function orderReasons(reasons: Iterable<TriageReason>): TriageReason[] {
  const found = new Set(reasons);
  return REASON_ORDER.filter((reason) => found.has(reason));
}

/** VIP first, then complaints and anger, then everyone else. */
export function priorityOf(reasons: readonly TriageReason[]): Priority {
  if (reasons.includes('vip')) return 'vip';
  return reasons.some((reason) => URGENT.has(reason)) ? 'high' : 'normal';
}
