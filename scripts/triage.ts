import { showsAnger } from './angerSignals.js';
import { botHasFailed } from './botFailure.js';
import { splitClauses } from './clauses.js';
import { hasComplaintIntent } from './complaintSignals.js';
import { requestsHuman } from './humanRequest.js';
import { measureIntensity } from './intensity.js';
import { repeatsEarlierMessage, saysRepeatContact } from './repeatContact.js';
import { orderReasons, priorityOf } from './triagePriority.js';
import { DEFAULT_VIP_POLICY, type TriageDecision, type TriageInput, type TriageReason, type VipPolicy } from './triageTypes.js';
import { isVip } from './vip.js';

/** The reasons the message itself gives (what it says and how it is typed). */
function messageReasons(input: TriageInput): TriageReason[] {
  const clauses = splitClauses(input.text);
  const reasons: TriageReason[] = [];
  if (hasComplaintIntent(clauses)) reasons.push('complaint');
  if (showsAnger(clauses, measureIntensity(input.text))) reasons.push('anger');
  if (requestsHuman(clauses)) reasons.push('humanRequested');
  if (saysRepeatContact(clauses) || repeatsEarlierMessage(clauses.join(' '), input.previousMessages.map((m) => splitClauses(m).join(' ')))) {
    reasons.push('repeatContact');
  }
  return reasons;
}

/**
 * Decides whether a customer message should go to a person, why, and how urgently. Pure: the
 * same input always gives the same decision.
 *
 * Reasons: `complaint` (escalation intent), `anger` (abuse, accusations, threats to go public,
 * strong emotion), `humanRequested`, `botFailure` (two unanswered or unhelpful turns running),
 * `repeatContact` (says they asked before, or repeats an earlier message) and `vip` (per
 * `policy`). Negated and hypothetical cues ("我不是要投诉", "no complaints") do not count.
 * Priority: `vip` for a VIP, else `high` for complaint or anger, else `normal`.
 */
export function triage(input: TriageInput, policy: VipPolicy = DEFAULT_VIP_POLICY): TriageDecision {
  const found = messageReasons(input);
  if (botHasFailed(input)) found.push('botFailure');
  if (isVip(input.customer, policy)) found.push('vip');
  const reasons = orderReasons(found);
  return { handoff: reasons.length > 0, priority: priorityOf(reasons), reasons };
}
