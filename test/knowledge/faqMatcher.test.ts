import { expect } from 'chai';
import type { FaqEntry, Locale } from '../../knowledge/faqEntry.js';
import { FaqMatcher, decide, type MatchCandidate } from '../../knowledge/faqMatcher.js';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';

const matcher = new FaqMatcher(seedFaqs());
const answerOf = (text: string): string | undefined => {
  const result = matcher.match(text, detectLocale(text));
  return result.kind === 'answer' ? result.best.entry.id : undefined;
};

describe('FaqMatcher on the seeded knowledge base', () => {
  const answered: Array<{ kind: string; text: string; id: string }> = [
    { kind: 'canonical', text: '退款多久到账', id: 'zh-refund-time' },
    { kind: 'canonical', text: 'how do I track my package', id: 'en-tracking' },
    { kind: 'colloquial', text: '啥时候发货啊', id: 'zh-shipping-time' },
    { kind: 'homophone typo', text: '保修期多久,包修吗', id: 'zh-warranty' },
    { kind: 'homophone typo', text: '尺马怎么选', id: 'zh-size-guide' },
    { kind: 'homophone typo', text: '发漂怎么开', id: 'zh-invoice' },
    { kind: 'traditional script', text: '發票怎麼開', id: 'zh-invoice' },
    { kind: 'traditional script', text: '退貨運費誰出', id: 'zh-return-shipping-fee' },
    { kind: 'full-width', text: '满９９包邮吗', id: 'zh-free-shipping' },
    { kind: 'synonym', text: '包裹到哪了', id: 'zh-tracking' },
    { kind: 'synonym', text: '快递费多少钱', id: 'zh-free-shipping' },
    { kind: 'extra context', text: '我上周买的卫衣有点小,想换个大一码的,怎么弄', id: 'zh-exchange-steps' },
    { kind: 'misspelling', text: 'how do i chnage my adress', id: 'en-change-address' },
    { kind: 'misspelling', text: 'when will i recieve my refund moeny', id: 'en-refund-time' },
    { kind: 'British English', text: 'when will my parcel be dispatched', id: 'en-shipping-time' },
    { kind: 'contraction', text: "where's my parcel, it hasn't moved for days", id: 'en-tracking-stalled' },
  ];
  for (const c of answered) {
    it(`answers ${c.kind}: "${c.text}" -> ${c.id}`, () => expect(answerOf(c.text)).to.equal(c.id));
  }

  it('offers a choice when a question fits several entries ("邮费" could be any of three fees)', () => {
    const result = matcher.match('邮费怎么算', 'zh-CN');
    expect(result.kind).to.equal('ambiguous');
    expect(result.candidates.map((c) => c.entry.id)).to.include('zh-free-shipping');
  });

  const notAnswered = [
    '今天天气怎么样',
    '帮我写一首关于月亮的诗',
    '给我讲个笑话呗',
    'tell me a joke',
    'what is the capital of France',
    'can I return a rental car early',
    'how do I track my fitness goals',
  ];
  for (const text of notAnswered) {
    it(`gives no answer to an out-of-domain question: "${text}"`, () => expect(answerOf(text)).to.equal(undefined));
  }

  // Each shares a topic word with an entry (or, after homophone correction, a character pair),
  // while what it is about is something the knowledge base never mentions.
  const offTopic: Array<{ text: string; shares: string }> = [
    { text: '你们的快递员招人吗', shares: '快递 (zh-tracking)' },
    { text: '帮我查一下明天北京到上海的高铁票', shares: '帮我查一下 (zh-tracking)' },
    { text: '驾照扣分了怎么处理', shares: '怎么处理 (zh-missing-item)' },
    { text: '手机话费怎么充值', shares: '手机 (zh-change-phone)' },
    { text: '你们有实体店吗', shares: '店吗, which sounds like 点吗 (zh-bargaining)' },
    { text: "what's the warranty on a used car", shares: 'warranty (en-warranty)' },
    { text: 'how do I cancel my Netflix subscription', shares: 'cancel (en-cancel-order)' },
    { text: "what's the best way to sell my old phone", shares: 'phone (en-change-phone)' },
    { text: 'how many penalty points are on my driving licence', shares: 'points (en-points)' },
  ];
  for (const c of offTopic) {
    it(`does not answer an off-topic question that shares ${c.shares}: "${c.text}"`, () => expect(answerOf(c.text)).to.equal(undefined));
  }
});

describe('decide', () => {
  const entry = (id: string): FaqEntry => ({ id, locale: 'zh-CN', question: id, alternates: [], answer: id });
  const c = (id: string, score: number): MatchCandidate => ({ entry: entry(id), score, matchedText: id });
  const thresholds = { answer: 0.5, suggest: 0.3, margin: 0.1 };
  const cases: Array<{ name: string; candidates: MatchCandidate[]; kind: string; ids?: string[] }> = [
    { name: 'answers a clear leader', candidates: [c('a', 0.8), c('b', 0.5)], kind: 'answer', ids: ['a'] },
    { name: 'asks when the runner-up is close', candidates: [c('a', 0.8), c('b', 0.75), c('x', 0.2)], kind: 'ambiguous', ids: ['a', 'b'] },
    { name: 'asks when the best is only worth suggesting', candidates: [c('a', 0.4)], kind: 'ambiguous', ids: ['a'] },
    { name: 'answers when the runner-up is below suggestion level', candidates: [c('a', 0.52), c('b', 0.29)], kind: 'answer', ids: ['a'] },
    { name: 'gives up below suggestion level', candidates: [c('a', 0.29)], kind: 'noMatch' },
    { name: 'gives up with no candidates', candidates: [], kind: 'noMatch' },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const result = decide(t.candidates, thresholds);
      expect(result.kind).to.equal(t.kind);
      if (result.kind === 'answer') expect([result.best.entry.id]).to.deep.equal(t.ids);
      if (result.kind === 'ambiguous') expect(result.candidates.map((x) => x.entry.id)).to.deep.equal(t.ids);
    });
  }
});

describe('FaqMatcher edits', () => {
  const zh: Locale = 'zh-CN';
  it('uses an added entry, an edited one and forgets a removed one, without a rebuild', () => {
    const m = new FaqMatcher([{ id: 'a', locale: zh, question: '你们有实体店吗', alternates: ['线下门店在哪里'], answer: '没有' }]);
    expect(m.match('你们有实体店吗', zh).kind).to.equal('answer');
    m.upsert({ id: 'b', locale: zh, question: '可以开专用发票吗', alternates: [], answer: '可以' });
    const found = m.match('能开专用发票吗', zh);
    expect(found.kind === 'answer' && found.best.entry.id).to.equal('b');
    m.upsert({ id: 'a', locale: zh, question: '营业执照在哪里看', alternates: [], answer: '店铺首页' });
    expect(m.match('你们有实体店吗', zh).kind).to.equal('noMatch');
    m.remove('b');
    expect(m.match('能开专用发票吗', zh).kind).to.equal('noMatch');
    expect(m.size).to.equal(1);
  });

  it('after removing most entries, ranks exactly as an index built from the rest', () => {
    // Enough removed texts (over 1000, over half) to make the index compact its storage.
    const variants = seedFaqs().flatMap((e) =>
      Array.from({ length: 8 }, (_, i) => ({ ...e, id: `${e.id}-${i}`, question: `${i}号款${e.question}`, alternates: e.alternates.slice(0, 2) })),
    );
    const removed = new Set(variants.filter((_, i) => i % 4 !== 0).map((e) => e.id));
    const edited = new FaqMatcher(variants);
    for (const id of removed) edited.remove(id);
    const fresh = new FaqMatcher(variants.filter((e) => !removed.has(e.id)));
    const ranks = (m: FaqMatcher): string[] =>
      ['退款多久到账', '发票怎么开', 'how do I track my package', 'can I pay in instalments'].map((q) =>
        m.rank(q, detectLocale(q)).map((c) => `${c.entry.id}:${c.score}`).join(' '),
      );
    expect(edited.size).to.equal(fresh.size);
    expect(ranks(edited)).to.deep.equal(ranks(fresh));
  });

  it('moves an entry between locales when its locale changes', () => {
    const m = new FaqMatcher([{ id: 'x', locale: zh, question: 'gift card balance', alternates: [], answer: 'a' }]);
    m.upsert({ id: 'x', locale: 'en-US', question: 'gift card balance', alternates: [], answer: 'a' });
    expect(m.size).to.equal(1);
    expect(m.match('gift card balance', 'en-US').kind).to.equal('answer');
  });
});
