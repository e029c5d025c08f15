import { expect } from 'chai';
import type { Locale } from '../../knowledge/faqEntry.js';
import { FaqMatcher } from '../../knowledge/faqMatcher.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';
import { DEFAULT_REPLY_SCRIPTS, type Scenario } from '../../scripts/replyScripts.js';
import { suggestReplies, type FaqLookup, type SuggestionInput } from '../../scripts/suggestionEngine.js';
import type { TriageReason } from '../../scripts/triageTypes.js';

const faq = new FaqMatcher(seedFaqs());
const scripts = DEFAULT_REPLY_SCRIPTS;

function input(locale: Locale, message: string, over: Partial<SuggestionInput> = {}): SuggestionInput {
  return { locale, customerMessages: [message], reasons: [], agentMessageCount: 1, ...over };
}

interface Case {
  readonly name: string;
  readonly locale: Locale;
  readonly message: string;
  readonly reasons?: readonly TriageReason[];
  readonly agentMessageCount?: number;
  /** The scenario of the first suggestion. */
  readonly first: Scenario;
}

const cases: Case[] = [
  { name: 'greeting before the agent has written', locale: 'zh-CN', message: '你好，在吗', agentMessageCount: 0, first: 'greeting' },
  { name: 'greeting before the agent has written', locale: 'en-US', message: 'hi there', agentMessageCount: 0, first: 'greeting' },
  { name: 'complaint reason puts empathy first', locale: 'zh-CN', message: '东西坏了，你们怎么回事', reasons: ['complaint'], first: 'complaint' },
  { name: 'anger puts empathy first, even before a greeting', locale: 'en-US', message: 'this is ridiculous', reasons: ['anger'], agentMessageCount: 0, first: 'complaint' },
  { name: 'complaint wording', locale: 'zh-CN', message: '我要投诉你们', first: 'complaint' },
  { name: 'refund', locale: 'zh-CN', message: '我想申请退款', first: 'refund' },
  { name: 'refund', locale: 'en-US', message: 'I would like a refund please', first: 'refund' },
  { name: 'return', locale: 'zh-CN', message: '衣服不合适想退货', first: 'return' },
  { name: 'return', locale: 'en-US', message: 'can I send it back', first: 'return' },
  { name: 'delivery delay', locale: 'zh-CN', message: '物流好慢啊，包裹还没到', first: 'deliveryDelay' },
  { name: 'delivery delay', locale: 'en-US', message: "My package still hasn't arrived", first: 'deliveryDelay' },
  { name: 'bargaining', locale: 'zh-CN', message: '能便宜点吗', first: 'bargaining' },
  { name: 'bargaining', locale: 'en-US', message: 'any discount if I buy now?', first: 'bargaining' },
  { name: 'out of stock', locale: 'zh-CN', message: '这款黑色怎么没货了', first: 'outOfStock' },
  { name: 'out of stock', locale: 'en-US', message: 'the blue one is sold out, will you restock', first: 'outOfStock' },
  { name: 'waiting', locale: 'zh-CN', message: '人呢？等了好久了', first: 'askToWait' },
  { name: 'waiting', locale: 'en-US', message: 'hello? are you there?', first: 'askToWait' },
  { name: 'request for a person', locale: 'zh-CN', message: '我要找人工', reasons: ['humanRequested'], first: 'transfer' },
  { name: 'request for a person', locale: 'en-US', message: 'let me talk to a human', reasons: ['humanRequested'], first: 'transfer' },
  { name: 'thanks', locale: 'zh-CN', message: '好的，谢谢你', agentMessageCount: 4, first: 'thanks' },
  { name: 'thanks', locale: 'en-US', message: 'great, thanks a lot', agentMessageCount: 4, first: 'thanks' },
  { name: 'nothing else', locale: 'zh-CN', message: '没有了', agentMessageCount: 4, first: 'closing' },
  { name: 'vague follow-on asks to confirm the need', locale: 'zh-CN', message: '我有个问题', first: 'confirmNeed' },
  { name: 'vague follow-on asks to confirm the need', locale: 'en-US', message: 'I have a question', first: 'confirmNeed' },
];

describe('suggestReplies', () => {
  for (const c of cases) {
    it(`${c.locale} ${c.name}: ${c.message}`, () => {
      const over = { reasons: [...(c.reasons ?? [])], agentMessageCount: c.agentMessageCount ?? 1 };
      const out = suggestReplies(input(c.locale, c.message, over), { scripts });
      expect(out).to.have.length(3);
      expect(out[0]?.scenario).to.equal(c.first);
      for (const s of out) {
        expect(s.text).not.to.match(/[{}]/u);
        expect(s.source).to.match(/^script:/u);
        const script = scripts.find((x) => `script:${x.id}` === s.source);
        expect(script?.locale).to.equal(c.locale);
      }
      expect(new Set(out.map((s) => s.text)).size).to.equal(out.length);
    });
  }

  it('fills the variables given', () => {
    const vars = { customerName: '王女士', agentName: '小美', orderId: 'A1001', eta: '今天18点前' };
    const out = suggestReplies(input('zh-CN', '物流三天没更新了', { vars }), { scripts, limit: 8 });
    const all = out.map((s) => s.text).join('\n');
    expect(all).to.include('订单A1001');
    expect(all).to.include('今天18点前');
    expect(all).not.to.include('{');
  });

  it('fills missing variables with graceful defaults', () => {
    const out = suggestReplies(input('en-US', 'hello', { agentMessageCount: 0 }), { scripts });
    expect(out[0]?.text).to.match(/^Hi there, I'm your support agent\./u);
  });

  it('asks for the order details when an order matters and none is known', () => {
    const scenarios = suggestReplies(input('zh-CN', '我要退款', {}), { scripts, limit: 10 }).map((s) => s.scenario);
    expect(scenarios).to.include('collectDetails');
    const known = suggestReplies(input('zh-CN', '我要退款', { vars: { orderId: 'A1' } }), { scripts, limit: 10 }).map((s) => s.scenario);
    expect(known).not.to.include('collectDetails');
  });

  it('picks the script whose keywords the message names', () => {
    const out = suggestReplies(input('zh-CN', '退货运费谁出'), { scripts });
    expect(out[0]?.source).to.equal('script:return.zh-CN.3');
  });

  describe('with the FAQ', () => {
    const faqCases = [
      { locale: 'zh-CN', message: '退款多久到账', id: 'zh-refund-time' },
      { locale: 'en-US', message: 'how do I track my package', id: 'en-tracking' },
    ] as const;
    for (const c of faqCases) {
      it(`suggests the FAQ answer for "${c.message}"`, () => {
        const out = suggestReplies(input(c.locale, c.message), { scripts, faq });
        const hit = out.find((s) => s.source === `faq:${c.id}`);
        expect(hit, JSON.stringify(out)).to.not.equal(undefined);
        const entry = seedFaqs().find((e) => e.id === c.id);
        expect(hit?.text).to.equal(entry?.answer);
        expect(out).to.have.length(3);
      });
    }

    it('keeps the greeting first and the FAQ answer next', () => {
      const out = suggestReplies(input('zh-CN', '退款多久到账', { agentMessageCount: 0 }), { scripts, faq });
      expect(out[0]?.scenario).to.equal('greeting');
      expect(out[1]?.source).to.equal('faq:zh-refund-time');
    });

    it('keeps complaint empathy first and the FAQ answer next', () => {
      const out = suggestReplies(input('zh-CN', '退款多久到账', { reasons: ['complaint'] }), { scripts, faq });
      expect(out[0]?.scenario).to.equal('complaint');
      expect(out[1]?.source).to.equal('faq:zh-refund-time');
    });

    it('adds no FAQ suggestion when nothing matches confidently', () => {
      const none: FaqLookup = { match: () => ({ kind: 'noMatch' }) };
      const out = suggestReplies(input('zh-CN', '退款多久到账'), { scripts, faq: none });
      expect(out.some((s) => s.source.startsWith('faq:'))).to.equal(false);
      const out2 = suggestReplies(input('en-US', 'asdf qwer zxcv'), { scripts, faq });
      expect(out2.some((s) => s.source.startsWith('faq:'))).to.equal(false);
    });
  });

  it('honours the limit and returns distinct suggestions', () => {
    expect(suggestReplies(input('zh-CN', '我要退款'), { scripts, limit: 1 })).to.have.length(1);
    expect(suggestReplies(input('zh-CN', '我要退款'), { scripts, limit: 0 })).to.deep.equal([]);
    const many = suggestReplies(input('zh-CN', '我要退款'), { scripts, limit: 50 });
    expect(new Set(many.map((s) => s.source)).size).to.equal(many.length);
    expect(many.length).to.be.greaterThan(3);
  });

  it('is deterministic', () => {
    const a = suggestReplies(input('en-US', 'where is my parcel, it is late', { reasons: ['repeatContact'] }), { scripts, faq });
    const b = suggestReplies(input('en-US', 'where is my parcel, it is late', { reasons: ['repeatContact'] }), { scripts, faq });
    expect(a).to.deep.equal(b);
  });

  it('copes with no customer message and with no scripts', () => {
    expect(suggestReplies({ locale: 'zh-CN', customerMessages: [], reasons: [], agentMessageCount: 0 }, { scripts })[0]?.scenario).to.equal('greeting');
    expect(suggestReplies(input('zh-CN', '我要退款'), { scripts: [] })).to.deep.equal([]);
  });

  it('stays fast on a long conversation', () => {
    const history = Array.from({ length: 5000 }, (_, i) => `第${i}条消息，我的快递还没到`);
    const start = performance.now();
    for (let i = 0; i < 200; i++) suggestReplies({ locale: 'zh-CN', customerMessages: history, reasons: ['complaint'], agentMessageCount: 3 }, { scripts });
    expect(performance.now() - start).to.be.below(2000);
  });
});
