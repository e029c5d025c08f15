import { CueSet } from './cueSet.js';
import { hasLiveCue } from './liveCue.js';
import { comparisonUnits, dice } from './textSimilarity.js';

const ZH_CONTACT = '(问|说|讲|催|联系|反映|反馈|找|咨询|打电话|留言)';
const ZH_COUNT = '(好几|好多|多少|无数|[0-9一二三四五六七八九十两几n]+)';
const EN_CONTACT = '(asked|contacted|emailed|messaged|called|told|wrote|written|chatted|reached out)';
const EN_OBJECT = '( (you|u|this|about this|about it|the same|it|already|this question|you guys|support))*';

/** Saying so outright: how many times they have asked, or that this is not their first contact. */
const REPEATED = new CueSet({
  phrases: ['又来问', '又来找', '又问一遍', '再问一遍', '重复问', 'how many times', 'keep asking', 'keep telling', 'again and again'],
  patterns: [
    new RegExp(`${ZH_CONTACT}(了|过)?${ZH_COUNT}(次|遍|回)`, 'u'),
    new RegExp(`第${ZH_COUNT}次(来)?${ZH_CONTACT}`, 'u'),
    new RegExp(`\\b${EN_CONTACT}${EN_OBJECT} (twice|\\d+ times|(two|three|four|five|several|multiple|many|so many) times)\\b`, 'u'),
    /\b(second|third|fourth|fifth|2nd|3rd|4th|5th|nth|umpteenth) time (i am |i have been )?(contacting|asking|writing|messaging|calling|reaching out|chatting)\b/u,
  ],
});

/** Mentioning an earlier contact; it counts only with a sign the problem is still open. */
const EARLIER = new CueSet({
  patterns: [
    new RegExp(`(已经|昨天|前天|上周|上次|之前|早就|前几天|上个月)(就)?${ZH_CONTACT}过`, 'u'),
    new RegExp(`\\b${EN_CONTACT}${EN_OBJECT} (before|already|yesterday|last week|earlier|previously|too)\\b`, 'u'),
  ],
});

/** Signs the earlier contact did not settle anything. */
const UNRESOLVED = new CueSet({
  phrases: [
    '没人', '没有人', '一直没', '还没', '还是没', '到现在', '没回复', '没处理', '没解决', '不理', '没下文', '石沉大海',
    'nobody', 'no one', 'no reply', 'no response', 'no answer', 'never', 'still', 'not resolved', 'same problem',
    'same issue', 'again', 'ignored',
  ],
});

/** The shortest message (in comparison units) worth comparing with earlier ones. */
const MIN_UNITS = 4;
/** How close a message must be to an earlier one to count as the same complaint again. */
const SAME_MESSAGE = 0.5;

/** True when the customer says they have asked or contacted about this before. */
export function saysRepeatContact(clauses: readonly string[]): boolean {
  if (hasLiveCue(clauses, REPEATED)) return true;
  return hasLiveCue(clauses, EARLIER) && clauses.some((clause) => UNRESOLVED.find(clause).length > 0);
}

/** True when a normalised message says again what an earlier message of the conversation said. */
export function repeatsEarlierMessage(message: string, previous: readonly string[]): boolean {
  const units = comparisonUnits(message);
  if (units.size < MIN_UNITS) return false;
  return previous.some((earlier) => dice(units, comparisonUnits(earlier)) >= SAME_MESSAGE);
}
