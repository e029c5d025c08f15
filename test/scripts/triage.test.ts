import { expect } from 'chai';
import { triage } from '../../scripts/triage.js';
import type { KnownCustomer, Priority, TriageInput, TriageReason, VipPolicy } from '../../scripts/triageTypes.js';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly input?: Partial<Omit<TriageInput, 'text'>>;
  readonly policy?: VipPolicy;
  /** Expected reasons, in reported order; an empty list means no handoff. */
  readonly reasons: readonly TriageReason[];
  /** Expected priority; defaults to normal. */
  readonly priority?: Priority;
}

const gold: KnownCustomer = { tier: 'gold', lifetimeValue: 0 };
const silver: KnownCustomer = { tier: 'silver', lifetimeValue: 0 };

function run(c: Case): ReturnType<typeof triage> {
  const input: TriageInput = { text: c.text, unansweredStreak: 0, unhelpfulStreak: 0, previousMessages: [], ...c.input };
  return c.policy ? triage(input, c.policy) : triage(input);
}

function check(c: Case): void {
  const decision = run(c);
  expect(decision.reasons, 'reasons').to.deep.equal(c.reasons);
  expect(decision.handoff, 'handoff').to.equal(c.reasons.length > 0);
  expect(decision.priority, 'priority').to.equal(c.priority ?? 'normal');
}

const complaints: Case[] = [
  { name: '投诉 is a complaint', text: '我要投诉你们', reasons: ['complaint'], priority: 'high' },
  { name: 'traditional 投訴 is a complaint', text: '我要投訴', reasons: ['complaint'], priority: 'high' },
  { name: '12315 is a complaint', text: '再不处理我就打12315', reasons: ['complaint'], priority: 'high' },
  { name: '12315 inside an order number is not', text: '订单号8812315006物流到哪了', reasons: [] },
  { name: '消费者协会 is a complaint', text: '我去消费者协会告你们', reasons: ['complaint'], priority: 'high' },
  { name: 'asking for a manager is a complaint', text: '叫你们经理出来', reasons: ['complaint'], priority: 'high' },
  { name: '店长推荐 is not a manager request', text: '店长推荐的款有货吗', reasons: [] },
  { name: '工商局 is a complaint', text: '不给退我就去工商局举报你们', reasons: ['complaint'], priority: 'high' },
  { name: '工商银行 is a bank', text: '可以用工商银行卡付款吗', reasons: [] },
  { name: 'a conditional threat is a complaint', text: '如果不解决我就投诉', reasons: ['complaint'], priority: 'high' },
  { name: 'a hypothetical question is not', text: '要是质量有问题怎么投诉呢', reasons: [] },
  { name: 'English formal complaint', text: 'I want to file a complaint', reasons: ['complaint'], priority: 'high' },
  { name: 'supervisor', text: 'Let me talk to a supervisor', reasons: ['complaint'], priority: 'high' },
  { name: 'chargeback', text: 'I will file a chargeback with my bank', reasons: ['complaint'], priority: 'high' },
  { name: 'sue', text: 'gonna sue u guys', reasons: ['complaint'], priority: 'high' },
  { name: 'Sue the friend is not a lawsuit', text: 'my friend Sue recommended your shop', reasons: [] },
  { name: 'report you to the BBB', text: "I'm going to report you to the BBB", reasons: ['complaint'], priority: 'high' },
  { name: 'court shoes are shoes', text: 'the court shoes in black size 6?', reasons: [] },
];

const negations: Case[] = [
  { name: '没有要投诉的意思', text: '没有要投诉的意思，就是问下什么时候发货', reasons: [] },
  { name: '我不是要投诉', text: '我不是要投诉，只是想确认一下地址', reasons: [] },
  { name: '没什么可投诉的', text: '宝贝收到了，没什么可投诉的', reasons: [] },
  { name: 'negation in an earlier clause does not carry over', text: '我没有别的问题，我要投诉', reasons: ['complaint'], priority: 'high' },
  { name: 'A-not-A question is not a negation', text: '请问有没有人工客服电话', reasons: ['humanRequested'] },
  { name: 'rhetorical 不是…吗 is an accusation', text: '你们这不是坑人吗？', reasons: ['anger'], priority: 'high' },
  { name: '不是…吧 asks for reassurance', text: '你们不是骗子吧？第一次买', reasons: [] },
  { name: '不坑人 is praise', text: '朋友说你们家不坑人', reasons: [] },
  { name: 'no complaints', text: 'no complaints, just a question about sizes', reasons: [] },
  { name: "I'm not angry", text: "I'm not angry, just wondering when it ships", reasons: [] },
  { name: 'not a complaint', text: 'not a complaint but the box was a bit dented', reasons: [] },
];

const benign: Case[] = [
  { name: '评价怎么修改', text: '评价怎么修改', reasons: [] },
  { name: '怎么给好评', text: '怎么给好评', reasons: [] },
  { name: '差评可以删除吗 (withdrawing a review is not a complaint)', text: '差评可以删除吗', reasons: [] },
  { name: '给差评 is a complaint', text: '必须给差评', reasons: ['complaint'], priority: 'high' },
  { name: '投诉建议入口 is the feedback form', text: '投诉建议入口在哪', reasons: [] },
  { name: 'plain refund request (zh)', text: '我要退款', reasons: [] },
  { name: 'plain refund request (en)', text: 'I want a refund', reasons: [] },
  { name: '人工智能', text: '人工智能音箱有优惠吗', reasons: [] },
  { name: '人工费', text: '安装要另外收人工费吗', reasons: [] },
  { name: '垃圾袋', text: '垃圾袋多少钱一卷', reasons: [] },
  { name: '骗子 in a title', text: '你们有卖桌游《骗子酒馆》吗', reasons: [] },
  { name: 'camera exposure', text: '这个相机的曝光补偿怎么调', reasons: [] },
  { name: 'human hair wig', text: 'Is the human hair wig available in blonde?', reasons: [] },
  { name: "Liar's Dice", text: "Do you sell Liar's Dice?", reasons: [] },
  { name: 'customs agent', text: 'the customs agent asked for an invoice', reasons: [] },
  { name: 'has anyone bought this', text: '有人买过这个吗？质量怎么样', reasons: [] },
  { name: 'third purchase is not a third contact', text: '这是第三次回购了', reasons: [] },
  { name: 'someone else is furious', text: 'my mum was furious i spent so much lol', reasons: [] },
  { name: 'robot vacuum', text: '这款扫地机器人能爬坡吗', reasons: [] },
];

const emphasis: Case[] = [
  { name: 'delight with ！！！', text: '太好了！！！谢谢', reasons: [] },
  { name: 'praise with !!!', text: 'you guys are awesome!!!', reasons: [] },
  { name: 'thanks in capitals', text: 'THANK YOU SO MUCH!!!', reasons: [] },
  { name: 'acronyms are not shouting', text: 'can you ship to the USA via UPS or DHL?', reasons: [] },
  { name: 'neutral question with ？？？', text: '这个能开发票吗？？？', reasons: [] },
  { name: 'impatience with ？？？', text: '快递到底什么时候到？？？', reasons: ['anger'], priority: 'high' },
  { name: 'negative English with !!!', text: 'Worst customer service ever!!!', reasons: ['anger'], priority: 'high' },
  { name: 'shouting', text: 'WHERE IS MY ORDER', reasons: ['anger'], priority: 'high' },
  { name: 'angry emoji', text: '😡😡 衣服掉色', reasons: ['anger'], priority: 'high' },
  { name: '太过分了', text: '太过分了吧', reasons: ['anger'], priority: 'high' },
  { name: '什么破', text: '什么破质量', reasons: ['anger'], priority: 'high' },
  { name: 'threat to post on Weibo', text: '我要发微博', reasons: ['anger'], priority: 'high' },
  { name: 'the shop posting on Weibo is not a threat', text: '你们发微博说的抽奖活动什么时候开奖', reasons: [] },
  { name: 'scam', text: 'This is a SCAM', reasons: ['anger'], priority: 'high' },
  { name: 'scampi is not a scam', text: 'the scampi chips are great', reasons: [] },
  { name: 'post on social media', text: "I'm going to post this on social media", reasons: ['anger'], priority: 'high' },
];

const humans: Case[] = [
  { name: '转人工', text: '转人工', reasons: ['humanRequested'] },
  { name: '人工 alone', text: '人工', reasons: ['humanRequested'] },
  { name: '找真人', text: '我要找真人', reasons: ['humanRequested'] },
  { name: '叫个人来', text: '叫个人来跟我说', reasons: ['humanRequested'] },
  { name: '有人吗', text: '有人吗', reasons: ['humanRequested'] },
  { name: '别用机器人敷衍我', text: '别用机器人敷衍我', reasons: ['humanRequested'] },
  { name: '你是机器人吗我要跟人说', text: '你是机器人吗我要跟人说', reasons: ['humanRequested'] },
  { name: '你是机器人吗 alone is curiosity', text: '你是机器人吗', reasons: [] },
  { name: '不想转人工', text: '我不想转人工，你直接告诉我运费', reasons: [] },
  { name: '真人实拍 is a photo', text: '有真人实拍图吗', reasons: [] },
  { name: 'talk to a human', text: 'talk to a human', reasons: ['humanRequested'] },
  { name: 'representative', text: 'representative', reasons: ['humanRequested'] },
  { name: 'operator', text: 'is there an operator?', reasons: ['humanRequested'] },
  { name: 'this bot is useless', text: 'this bot is useless', reasons: ['humanRequested'] },
  { name: 'stop the bot', text: 'stop the bot', reasons: ['humanRequested'] },
  { name: "don't need an agent", text: "I don't need an agent, just tell me the cost", reasons: [] },
];

const conversation: Case[] = [
  { name: 'two unanswered questions', text: '那怎么办', input: { unansweredStreak: 2 }, reasons: ['botFailure'] },
  { name: 'two unhelpful answers', text: 'ok', input: { unhelpfulStreak: 2 }, reasons: ['botFailure'] },
  { name: 'one unanswered question is not yet a failure', text: '那怎么办', input: { unansweredStreak: 1, unhelpfulStreak: 1 }, reasons: [] },
  { name: '问了三次', text: '我已经问了三次了', reasons: ['repeatContact'] },
  { name: '说了好几遍', text: '说了好几遍了，地址要改', reasons: ['repeatContact'] },
  { name: 'asked before, still open', text: "I've asked this before and nobody replied", reasons: ['repeatContact'] },
  { name: 'asked before about something else', text: 'I asked before about sizes, now a different question', reasons: [] },
  { name: 'third time contacting', text: 'third time contacting you about the same refund', reasons: ['repeatContact'] },
  {
    name: 'the same message again',
    text: '我买的杯子碎了怎么赔偿？',
    input: { previousMessages: ['我买的杯子碎了，怎么赔偿'] },
    reasons: ['repeatContact'],
  },
  { name: 'a different message', text: '尺码偏大吗', input: { previousMessages: ['这个有优惠券吗'] }, reasons: [] },
  { name: 'repeat with anger is high', text: '问了多少遍了！！！到底什么时候退款', reasons: ['anger', 'repeatContact'], priority: 'high' },
];

const vip: Case[] = [
  { name: 'gold customer, any message', text: '谢谢', input: { customer: gold }, reasons: ['vip'], priority: 'vip' },
  { name: 'silver customer is not VIP', text: '谢谢', input: { customer: silver }, reasons: [] },
  { name: 'lifetime value makes a VIP', text: 'hi', input: { customer: { tier: 'regular', lifetimeValue: 10_000 } }, reasons: ['vip'], priority: 'vip' },
  { name: 'lifetime value just under is not VIP', text: 'hi', input: { customer: { tier: 'regular', lifetimeValue: 9_999 } }, reasons: [] },
  { name: 'VIP wins over high', text: '我要投诉，骗子', input: { customer: gold }, reasons: ['vip', 'complaint', 'anger'], priority: 'vip' },
  {
    name: 'a stricter policy is honoured',
    text: '谢谢',
    input: { customer: gold },
    policy: { minTier: 'diamond', minLifetimeValue: 50_000 },
    reasons: [],
  },
  {
    name: 'a looser policy is honoured',
    text: '谢谢',
    input: { customer: silver },
    policy: { minTier: 'silver', minLifetimeValue: 50_000 },
    reasons: ['vip'],
    priority: 'vip',
  },
  {
    name: 'reasons come in a stable order',
    text: '转人工！我要投诉，气死了',
    input: { unhelpfulStreak: 2 },
    reasons: ['complaint', 'anger', 'humanRequested', 'botFailure'],
    priority: 'high',
  },
];

describe('triage', () => {
  for (const [group, cases] of Object.entries({ complaints, negations, benign, emphasis, humans, conversation, vip })) {
    describe(group, () => {
      for (const c of cases) it(c.name, () => check(c));
    });
  }

  it('is pure: the same input gives the same decision', () => {
    const input: TriageInput = { text: '我要投诉！！！', unansweredStreak: 0, unhelpfulStreak: 0, previousMessages: [] };
    expect(triage(input)).to.deep.equal(triage(input));
  });
});
