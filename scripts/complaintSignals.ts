import { CueSet } from './cueSet.js';
import { hasLiveCue } from './liveCue.js';

/** Whom customers escalate to. */
const BOSS = '(领导|经理|主管|老板|负责人|上级)';

/**
 * Complaint and escalation intent: a formal complaint, a bad review, regulators and consumer
 * bodies, the courts, a supervisor, a card or platform dispute.
 */
const COMPLAINT = new CueSet({
  phrases: [
    '投诉', '差评', '消协', '消费者协会', '工商局', '工商部门', '找工商', '去工商', '市场监管', '市场监督',
    '起诉', '告你们', '告你', '打官司', '法院', '律师函', '找律师', '请律师', '平台介入', '小二介入', '申请介入',
    '客服介入',
    'complaint', 'complaints', 'complain', 'complaining', 'legal action', 'lawsuit', 'small claims',
    'trading standards', 'consumer protection', 'consumer association', 'better business bureau', 'bbb',
    'ombudsman', 'ftc', 'chargeback', 'charge back', 'escalate', 'escalating', 'escalation', 'paypal claim',
  ],
  patterns: [
    /(?<![0-9])12315(?![0-9])/u,
    /(要|去|会|就|想|得|必须|我)举报|举报(你|这|他|她|商家|店|卖家)/u,
    /(要|去|会|就|想|得|必须|准备|开始|我)维权|维权到底/u,
    new RegExp(`(找|叫|让|要见|喊|请)(一下)?(你们|你家)?(家|的)?${BOSS}`, 'u'),
    new RegExp(`${BOSS}(出来|过来|来|电话|联系方式)`, 'u'),
    /\b(my|a|our|get|hire|call|contact|contacting|with) (lawyer|attorney|solicitor)s?\b/u,
    /\bsue (you|u|ya|your|the|them|this|over)\b|\b(will|going to|gonna|i am|would) sue\b|\bsuing\b/u,
    /\b(to|in) court\b|\bcourt case\b/u,
    /\breport(ing)? (you|u|this|your|them|it to)\b/u,
    /\b(speak|talk|get|want|need|see|put me through|give me|let me speak|connect me)( \w+){0,3} (manager|supervisor|superior|boss|someone in charge)\b/u,
    /\bdisput\w* (the |a |this |my )?(charge|transaction|payment|order)|\bdispute with\b|\bopen(ing)? a (dispute|claim)\b/u,
    /\b(1|one|0|zero) star\b|\b(bad|negative|terrible|awful) reviews?\b/u,
  ],
  masks: [
    '投诉建议', '投诉与建议', '投诉和建议',
    /差评(可以|能|能不能|怎么|如何|要怎么)?(删|改|撤|追)/u,
    /(删|改|撤销|撤回|修改|删掉|删除)(掉)?(我的|那个|这个|之前的)?差评/u,
  ],
});

/** True when a message (as normalised clauses) states complaint or escalation intent. */
export function hasComplaintIntent(clauses: readonly string[]): boolean {
  return hasLiveCue(clauses, COMPLAINT);
}
