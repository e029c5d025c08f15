import { expect } from 'chai';
import type { Locale } from '../../knowledge/faqEntry.js';
import { BannedPhraseGuard } from '../../scripts/bannedPhraseGuard.js';
import { BANNED_CATEGORIES, BannedPhraseSchema, DEFAULT_BANNED_PHRASES, type BannedCategory } from '../../scripts/bannedPhrases.js';

const guard = new BannedPhraseGuard(DEFAULT_BANNED_PHRASES);

interface Case {
  readonly name: string;
  readonly text: string;
  readonly locale?: Locale;
  /** Expected violations as [category, slice of the original text], in text order; empty means clean. */
  readonly hits: ReadonlyArray<readonly [BannedCategory, string]>;
}

function spans(text: string, locale?: Locale): Array<[BannedCategory, string]> {
  return guard.check(text, locale).map((v) => [v.category, text.slice(v.start, v.end)]);
}

const variants: Case[] = [
  { name: 'inserted spaces map back to the original span', text: '亲，您 自己 看着办吧', hits: [['rudeness', '您 自己 看着办']] },
  { name: 'inserted hyphens', text: '这个做-不-到哦', hits: [['flatRefusal', '做-不-到']] },
  { name: 'inserted dots and underscores', text: '加.微_信', hits: [['offPlatform', '加.微_信']] },
  { name: 'traditional script', text: '這不是我們的問題', hits: [['blameShifting', '這不是我們的問題']] },
  { name: 'traditional 著 reads as 着', text: '您自己看著辦吧', hits: [['rudeness', '您自己看著辦']] },
  { name: 'full-width digits and percent', text: '保证１００％有效', hits: [['absoluteClaim', '１００％有效']] },
  { name: 'full-width Latin letters', text: '加ＱＱ聊', hits: [['offPlatform', '加ＱＱ']] },
  { name: 'mixed case English', text: 'Sorry, NOT MY Department.', hits: [['blameShifting', 'NOT MY Department']] },
  { name: 'curly apostrophe', text: 'I don’t know.', hits: [['notKnowing', 'I don’t know']] },
  { name: 'apostrophe dropped by the agent', text: 'i dont know', hits: [['notKnowing', 'i dont know']] },
  { name: 'extra spaces between English words', text: 'take  it or   leave it', hits: [['rudeness', 'take  it or   leave it']] },
  { name: 'V for 微', text: '加 V 信聊', hits: [['offPlatform', '加 V 信']] },
  { name: 'two violations in order', text: '没办法，嫌贵别买', hits: [['flatRefusal', '没办法'], ['rudeness', '嫌贵别买']] },
];

const boundaries: Case[] = [
  { name: '"no way" inside "no wayfarer" is not flagged', text: 'We have no wayfarer sunglasses in stock', hits: [] },
  { name: '"no way" as words is flagged', text: 'No way, sorry.', hits: [['flatRefusal', 'No way']] },
  { name: '"whatever" inside "whatever size you like" is allowed', text: 'Whatever size you like, we can swap it.', hits: [] },
  { name: '"whatever" alone is rude', text: 'Whatever.', hits: [['rudeness', 'Whatever']] },
  { name: '"impossible" inside a longer word is not flagged', text: 'impossibles', hits: [] },
  { name: '"100% cotton" is a fact', text: 'This shirt is 100% cotton.', hits: [] },
];

const allowLists: Case[] = [
  { name: '第一次 is allowed', text: '第一次购买可以领券', hits: [] },
  { name: '第一时间 is allowed', text: '我们会第一时间为您处理', hits: [] },
  { name: '销量第一 is an absolute claim', text: '销量第一', hits: [['absoluteClaim', '第一']] },
  { name: '不知道您 is a polite question', text: '不知道您方便吗', hits: [] },
  { name: 'an allow context does not span a clause break', text: '我不知道，您问别人吧', hits: [['notKnowing', '不知道']] },
  { name: '我知道了 is fine', text: '好的，我知道了', hits: [] },
  { name: '100%纯棉 is a fact', text: '面料100%纯棉', hits: [] },
  { name: '你得到 is not commanding', text: '你得到的优惠券已到账', hits: [] },
];

const overlaps: Case[] = [
  { name: 'the longest of overlapping hits wins', text: '您自己看着办', hits: [['rudeness', '您自己看着办']] },
  { name: 'paid review beats the shorter prefix', text: '五星好评返现', hits: [['paidReview', '五星好评返']] },
];

const regexRules: Case[] = [
  { name: 'an 11-digit mobile number', text: '打我13812345678', hits: [['offPlatform', '13812345678']] },
  { name: 'a mobile number with separators', text: '电话 138-1234-5678', hits: [['offPlatform', '138-1234-5678']] },
  { name: 'a mobile number with +86', text: 'call +86 139 0000 1111', hits: [['offPlatform', '86 139 0000 1111']] },
  { name: 'a QQ number', text: 'QQ：123456789', hits: [['offPlatform', 'QQ：123456789']] },
  { name: 'a QQ number with 号', text: '我的qq号是1234567', hits: [['offPlatform', 'qq号是1234567']] },
  { name: 'a long order number is not a phone', text: '订单号2024061512345678', hits: [] },
  { name: 'a short number after QQ is not a QQ number', text: 'QQ 1234', hits: [] },
];

const locales: Case[] = [
  { name: 'zh-CN only checks Chinese phrases', text: 'no way', locale: 'zh-CN', hits: [] },
  { name: 'en-US only checks English phrases', text: '没办法', locale: 'en-US', hits: [] },
  { name: 'regex rules apply in any locale', text: '13812345678', locale: 'en-US', hits: [['offPlatform', '13812345678']] },
];

const scripts: Case[] = [
  { name: 'standard apology', text: '亲，非常抱歉给您带来不便，我这边马上为您核实处理', hits: [] },
  { name: 'standard greeting', text: '您好！很高兴为您服务，请问有什么可以帮到您？', hits: [] },
  { name: 'standard wait', text: '请您稍等，我马上帮您查询', hits: [] },
  { name: 'English apology', text: "I'm sorry for the trouble, let me check that for you", hits: [] },
  { name: 'English patience', text: 'Thank you for your patience, your refund has been processed.', hits: [] },
];

const groups: ReadonlyArray<readonly [string, readonly Case[]]> = [
  ['typing variants', variants],
  ['word boundaries', boundaries],
  ['allow-lists', allowLists],
  ['overlaps', overlaps],
  ['regex rules', regexRules],
  ['locales', locales],
  ['standard scripts', scripts],
];

describe('BannedPhraseGuard', () => {
  for (const [group, cases] of groups) {
    describe(group, () => {
      for (const c of cases) it(c.name, () => expect(spans(c.text, c.locale)).to.deep.equal(c.hits));
    });
  }

  describe('rewrite', () => {
    const cases: ReadonlyArray<{ name: string; text: string; expected: string }> = [
      { name: 'replaces a span with its suggestion', text: '亲，您 自己 看着办吧', expected: '亲，您看这样处理是否可以，有问题随时找我吧' },
      { name: 'replaces several spans, last first', text: '没办法，嫌贵别买', expected: '我帮您看看还有什么其他方案，价格方面我帮您看看有没有优惠' },
      { name: 'replaces a phone number', text: '打我13812345678', expected: '打我我们在平台内继续沟通就好' },
      { name: 'leaves clean text alone', text: '请您稍等', expected: '请您稍等' },
      { name: 'English', text: 'No way, sorry.', expected: 'let me see what options we have, sorry.' },
    ];
    for (const c of cases) it(c.name, () => expect(guard.rewrite(c.text)).to.equal(c.expected));

    it('uses the violations it is given', () => {
      const text = '没办法，嫌贵别买';
      const [first] = guard.check(text);
      expect(guard.rewrite(text, first ? [first] : [])).to.equal('我帮您看看还有什么其他方案，嫌贵别买');
    });
  });

  describe('default phrases', () => {
    it('are valid and have unique ids', () => {
      for (const p of DEFAULT_BANNED_PHRASES) BannedPhraseSchema.parse(p);
      expect(new Set(DEFAULT_BANNED_PHRASES.map((p) => p.id)).size).to.equal(DEFAULT_BANNED_PHRASES.length);
    });
    for (const category of BANNED_CATEGORIES) {
      it(`cover ${category} with at least 8 Chinese and 5 English phrases`, () => {
        const of = DEFAULT_BANNED_PHRASES.filter((p) => p.category === category);
        expect(of.filter((p) => p.locale === 'zh-CN').length).to.be.at.least(8);
        expect(of.filter((p) => p.locale === 'en-US').length).to.be.at.least(5);
      });
    }
    it('each flag themselves', () => {
      const unflagged = DEFAULT_BANNED_PHRASES.filter((p) => !guard.check(p.phrase, p.locale).some((v) => v.category === p.category));
      expect(unflagged.map((p) => p.phrase)).to.deep.equal([]);
    });
  });

  it('accepts a custom list', () => {
    const custom = new BannedPhraseGuard([{ id: 'x', locale: 'zh-CN', category: 'rudeness', phrase: '哼', suggestion: '好的' }]);
    expect(custom.check('哼！').map((v) => v.phraseId)).to.deep.equal(['x']);
  });
});
