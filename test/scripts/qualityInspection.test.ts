import { expect } from 'chai';
import type { Locale } from '../../knowledge/faqEntry.js';
import { BannedPhraseGuard } from '../../scripts/bannedPhraseGuard.js';
import { DEFAULT_BANNED_PHRASES } from '../../scripts/bannedPhrases.js';
import { fillScript, type ScriptVars } from '../../scripts/fillScript.js';
import {
  BANNED_PHRASE_PENALTIES,
  INSPECTION_ITEM_IDS,
  INSPECTION_WEIGHTS,
  RESPONSE_TIME_LIMITS,
  inspectConversation,
  type InspectedMessage,
  type InspectionInput,
  type InspectionItem,
  type InspectionItemId,
  type Scorecard,
} from '../../scripts/qualityInspection.js';
import { DEFAULT_REPLY_SCRIPTS, type ReplyScript } from '../../scripts/replyScripts.js';
import type { TriageReason } from '../../scripts/triageTypes.js';

const guard = new BannedPhraseGuard(DEFAULT_BANNED_PHRASES);
const ACCEPTED_AT = Date.UTC(2025, 0, 6, 9, 0, 0);

/** [role, text, seconds after the agent accepted]. */
type Line = readonly [InspectedMessage['role'], string, number];
type Edit = (lines: readonly Line[]) => Line[];

interface Model {
  readonly reasons: readonly TriageReason[];
  readonly lines: readonly Line[];
}

/** Model conversations: greeting, apology, solution with a check, closing. Agent lines are 0-3. */
const MODELS: Readonly<Record<Locale, Model>> = {
  'zh-CN': {
    reasons: ['complaint'],
    lines: [
      ['customer', '衣服收到就破了个洞，我要投诉！', -60],
      ['bot', '正在为您转接人工客服，请稍候。', -30],
      ['agent', '您好，我是客服小美，很高兴为您服务！', 30],
      ['agent', '非常抱歉给您带来了不好的体验，您的心情我完全理解。', 45],
      ['customer', '那现在怎么办', 90],
      ['agent', '我这边马上为您补发一件新的，今天就安排发出，这样处理您看可以吗？', 120],
      ['customer', '可以', 150],
      ['agent', '感谢您的耐心，祝您生活愉快，再见！', 170],
    ],
  },
  'en-US': {
    reasons: ['complaint', 'anger'],
    lines: [
      ['customer', 'My parcel arrived damaged and I want to make a complaint!', -60],
      ['bot', 'Connecting you to a person now.', -30],
      ['agent', "Hi, I'm Lily from customer service. How can I help you today?", 30],
      ['agent', "I'm so sorry about the damaged parcel. I completely understand how frustrating that is.", 45],
      ['customer', 'So what now?', 90],
      ['agent', "I'll send you a replacement today, free of charge. Does that work for you?", 120],
      ['customer', 'Yes, fine.', 150],
      ['agent', 'Thank you for your patience. Have a great day!', 170],
    ],
  },
};

/** Why an item failed, as the evidence says it in each language. */
const WHY = {
  'zh-CN': {
    noGreeting: /没有问候语/u,
    noOffer: /没有提供帮助或自我介绍/u,
    noEmpathy: /没有致歉或安抚/u,
    noConfirmation: /确认方案/u,
    noClosing: /没有标准结束语/u,
    seconds: (s: number) => `${s} 秒`,
    overrides: (n: number) => `${n} 条回复在禁用语提醒后仍然发送`,
  },
  'en-US': {
    noGreeting: /no greeting/u,
    noOffer: /neither offers help nor introduces/u,
    noEmpathy: /never apologised/u,
    noConfirmation: /never checked that the solution works/u,
    noClosing: /no standard closing/u,
    seconds: (s: number) => `after ${s} s`,
    overrides: (n: number) => `${n} ${n === 1 ? 'reply' : 'replies'} sent despite a banned-phrase warning`,
  },
} as const;

function build(locale: Locale, edit: Edit = (l) => [...l], over: Partial<InspectionInput> = {}): InspectionInput {
  const model = MODELS[locale];
  return {
    messages: edit(model.lines).map(([role, text, s]) => ({ role, text, at: ACCEPTED_AT + s * 1000 })),
    acceptedAt: ACCEPTED_AT,
    reasons: model.reasons,
    locale,
    overrides: 0,
    check: (text) => guard.check(text, locale),
    ...over,
  };
}

function item(card: Scorecard, id: InspectionItemId): InspectionItem {
  const found = card.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** Replaces the text of agent line `k` (0-based). */
const agentSays = (k: number, text: string): Edit => (lines) => {
  let seen = -1;
  return lines.map((l): Line => (l[0] === 'agent' && ++seen === k ? [l[0], text, l[2]] : l));
};
/** Moves the agent's first reply (and everything after it) to `seconds` after acceptance. */
const firstReplyAfter = (seconds: number): Edit => (lines) => {
  const first = lines.findIndex((l) => l[0] === 'agent');
  const shift = seconds - (lines[first]?.[2] ?? 0);
  return lines.map((l, i): Line => (i >= first ? [l[0], l[1], l[2] + shift] : l));
};
const compose = (...edits: Edit[]): Edit => (lines) => edits.reduce<Line[]>((acc, e) => e(acc), [...lines]);

for (const locale of ['zh-CN', 'en-US'] as const) {
  const why = WHY[locale];

  describe(`inspectConversation (${locale})`, () => {
    it('scores the model conversation 100 with every item passed and applicable', () => {
      const card = inspectConversation(build(locale));
      expect(card.items.map((i) => i.id)).to.deep.equal([...INSPECTION_ITEM_IDS]);
      for (const i of card.items) {
        expect(i.passed, `${i.id}: ${i.evidence.join(' | ')}`).to.equal(true);
        expect(i.applicable, i.id).to.equal(true);
        expect(i.points, i.id).to.equal(i.max);
        expect(i.evidence, i.id).to.not.be.empty;
        expect(i.label, i.id).to.match(/^\p{Script=Han}+ [A-Z]/u);
      }
      expect(card.score).to.equal(100);
    });

    interface FailCase {
      readonly name: string;
      readonly id: InspectionItemId;
      readonly edit?: Edit;
      readonly over?: Partial<InspectionInput>;
      /** Points the failing item keeps; 0 unless given. */
      readonly points?: number;
      readonly evidence: ReadonlyArray<RegExp | string>;
    }
    const w = INSPECTION_WEIGHTS;
    const replies = MODELS[locale].lines.filter((l) => l[0] === 'agent').map((l) => l[1]);
    const zh = locale === 'zh-CN';
    const bare = zh ? '我是客服小美，请把订单号发我一下。' : "I'm Lily. Send me the order number.";
    const fails: FailCase[] = [
      { name: 'opening without a greeting', id: 'opening', edit: agentSays(0, bare), evidence: [why.noGreeting, bare] },
      { name: 'opening that only greets', id: 'opening', edit: agentSays(0, zh ? '您好。' : 'Hello.'), evidence: [why.noOffer] },
      { name: 'first reply after 200 s earns half', id: 'responseTime', edit: firstReplyAfter(200), points: w.responseTime / 2, evidence: [why.seconds(200)] },
      { name: 'first reply after 400 s earns nothing', id: 'responseTime', edit: firstReplyAfter(400), evidence: [why.seconds(400)] },
      {
        name: 'a banned phrase is quoted with its category and costs points',
        id: 'bannedPhrases',
        edit: agentSays(2, zh ? `这不是我们的问题，${replies[2] ?? ''}` : `That's not our problem, but ${replies[2] ?? ''}`),
        points: Math.round(w.bannedPhrases * (1 - BANNED_PHRASE_PENALTIES.perMessage)),
        evidence: [zh ? /「这不是我们的问题」\(blameShifting\)/u : /"not our problem" \(blameShifting\)/u],
      },
      {
        name: 'an override alone fails the item and is mentioned',
        id: 'bannedPhrases',
        over: { overrides: 1 },
        points: Math.round(w.bannedPhrases * (1 - BANNED_PHRASE_PENALTIES.perOverride)),
        evidence: [why.overrides(1)],
      },
      { name: 'no apology in a complaint', id: 'empathy', edit: agentSays(1, zh ? '我这边马上为您查一下订单。' : "Let me look up your order."), evidence: [why.noEmpathy, /complaint/u] },
      { name: 'no check that the solution works', id: 'solutionConfirmation', edit: agentSays(2, zh ? '我这边马上为您补发一件新的，今天就安排发出。' : "I'll send you a replacement today, free of charge."), evidence: [why.noConfirmation] },
      { name: 'no closing in the last two messages', id: 'closing', edit: agentSays(3, zh ? '好的。' : 'OK.'), evidence: [why.noClosing, zh ? '好的。' : 'OK.'] },
    ];

    for (const c of fails) {
      it(`fails ${c.id} on its own: ${c.name}`, () => {
        const card = inspectConversation(build(locale, c.edit, c.over));
        const failed = item(card, c.id);
        expect(failed.passed, failed.evidence.join(' | ')).to.equal(false);
        expect(failed.points).to.equal(c.points ?? 0);
        for (const e of c.evidence) {
          const found = failed.evidence.some((line) => (typeof e === 'string' ? line.includes(e) : e.test(line)));
          expect(found, `${String(e)} in ${failed.evidence.join(' | ')}`).to.equal(true);
        }
        for (const other of card.items.filter((i) => i.id !== c.id)) expect(other.passed, `${other.id}: ${other.evidence.join(' | ')}`).to.equal(true);
        expect(card.score).to.equal(100 - (failed.max - failed.points));
      });
    }

    it('does not require empathy without a complaint or anger, and scores the other items out of 100', () => {
      const edit = agentSays(1, zh ? '我这边马上为您查一下订单。' : 'Let me look up your order.');
      const calm = inspectConversation(build(locale, edit, { reasons: ['humanRequested'] }));
      expect(item(calm, 'empathy').applicable).to.equal(false);
      expect(item(calm, 'empathy').points).to.equal(0);
      expect(calm.score).to.equal(100);

      const noClosing = inspectConversation(build(locale, compose(edit, agentSays(3, zh ? '好的。' : 'OK.')), { reasons: ['vip'] }));
      const applicableMax = 100 - w.empathy;
      expect(noClosing.score).to.equal(Math.round((100 * (applicableMax - w.closing)) / applicableMax));

      const angry = inspectConversation(build(locale, edit, { reasons: ['anger'] }));
      expect(item(angry, 'empathy').applicable).to.equal(true);
      expect(item(angry, 'empathy').passed).to.equal(false);
    });

    const timings: ReadonlyArray<readonly [number, number]> = [
      [0, 1],
      [RESPONSE_TIME_LIMITS.fullMs / 1000, 1],
      [RESPONSE_TIME_LIMITS.fullMs / 1000 + 1, 0.5],
      [RESPONSE_TIME_LIMITS.halfMs / 1000, 0.5],
      [RESPONSE_TIME_LIMITS.halfMs / 1000 + 1, 0],
    ];
    for (const [seconds, share] of timings) {
      it(`gives a first reply after ${seconds} s ${share * 100}% of the response-time points`, () => {
        const time = item(inspectConversation(build(locale, firstReplyAfter(seconds))), 'responseTime');
        expect(time.points).to.equal(w.responseTime * share);
        expect(time.evidence.join(' ')).to.include(why.seconds(seconds));
      });
    }

    it('charges every violating message and every override, down to zero', () => {
      const edit = compose(
        agentSays(1, zh ? '说了多少遍了，没办法' : 'Whatever. No way.'),
        agentSays(2, zh ? `您自己看着办吧，${replies[2] ?? ''}` : `Take it or leave it. ${replies[2] ?? ''}`),
      );
      const two = item(inspectConversation(build(locale, edit)), 'bannedPhrases');
      expect(two.points).to.equal(Math.round(w.bannedPhrases * (1 - 2 * BANNED_PHRASE_PENALTIES.perMessage)));
      expect(two.evidence.length, two.evidence.join(' | ')).to.be.at.least(3);
      const floor = item(inspectConversation(build(locale, edit, { overrides: 2 })), 'bannedPhrases');
      expect(floor.points).to.equal(0);
      expect(floor.evidence).to.include(why.overrides(2));
    });
  });
}

describe('inspection policy', () => {
  it('weights the six items to 100 and times the first reply against 2 and 5 minutes', () => {
    expect(INSPECTION_ITEM_IDS.reduce((sum, id) => sum + INSPECTION_WEIGHTS[id], 0)).to.equal(100);
    expect(RESPONSE_TIME_LIMITS).to.deep.equal({ fullMs: 2 * 60_000, halfMs: 5 * 60_000 });
  });
});

describe('inspectConversation: cues and their variants', () => {
  interface CueCase {
    readonly name: string;
    readonly locale: Locale;
    readonly id: InspectionItemId;
    /** The agent line (0-3) the text replaces. */
    readonly at: number;
    readonly text: string;
    readonly passed: boolean;
  }
  const cases: CueCase[] = [
    { name: 'traditional script greeting', locale: 'zh-CN', id: 'opening', at: 0, text: '您好，很高興為您服務！', passed: true },
    { name: 'spaced-out greeting', locale: 'zh-CN', id: 'opening', at: 0, text: '你 好 ， 请 问 有 什 么 可 以 帮 您 ？', passed: true },
    { name: '亲 as a greeting', locale: 'zh-CN', id: 'opening', at: 0, text: '亲，工号027在线为您服务哦～', passed: true },
    { name: 'full-width English greeting', locale: 'en-US', id: 'opening', at: 0, text: 'ＨＥＬＬＯ， ｈｏｗ ｃａｎ Ｉ ｈｅｌｐ？', passed: true },
    { name: 'greeting with a name', locale: 'en-US', id: 'opening', at: 0, text: 'Good morning! My name is Lily.', passed: true },
    { name: '你好像 is not a greeting', locale: 'zh-CN', id: 'opening', at: 0, text: '你好像还没付款，有什么可以帮您？', passed: false },
    { name: '亲自 is not a greeting', locale: 'zh-CN', id: 'opening', at: 0, text: '亲自为您查询了，我是小美', passed: false },
    { name: '"I\'m afraid" is no introduction', locale: 'en-US', id: 'opening', at: 0, text: "Hi, I'm afraid that item is sold out.", passed: false },
    { name: 'traditional apology', locale: 'zh-CN', id: 'empathy', at: 1, text: '給您帶來不便，深感抱歉', passed: true },
    { name: 'British apology', locale: 'en-US', id: 'empathy', at: 1, text: 'I apologise for the delay.', passed: true },
    { name: '"I understand how"', locale: 'en-US', id: 'empathy', at: 1, text: 'I understand how upsetting this is.', passed: true },
    { name: '感谢您的理解 is thanks, not empathy', locale: 'zh-CN', id: 'empathy', at: 1, text: '感谢您的理解。', passed: false },
    { name: '希望您能理解 asks the customer to understand', locale: 'zh-CN', id: 'empathy', at: 1, text: '规定就是这样，希望您能理解。', passed: false },
    { name: 'a negated inconvenience', locale: 'zh-CN', id: 'empathy', at: 1, text: '这不会给您带来不便的。', passed: false },
    { name: '"I don\'t understand"', locale: 'en-US', id: 'empathy', at: 1, text: "I don't understand what you mean.", passed: false },
    { name: 'traditional 您看這樣可以嗎', locale: 'zh-CN', id: 'solutionConfirmation', at: 2, text: '今天補發，您看這樣可以嗎？', passed: true },
    { name: '还有其他问题吗', locale: 'zh-CN', id: 'solutionConfirmation', at: 2, text: '已经补发了，请问还有其他问题吗？', passed: true },
    { name: '问题解决了吗', locale: 'zh-CN', id: 'solutionConfirmation', at: 2, text: '已经重新激活了，问题解决了吗？', passed: true },
    { name: '"has that solved"', locale: 'en-US', id: 'solutionConfirmation', at: 2, text: "I've reset it. Has that solved the problem?", passed: true },
    { name: '"anything else"', locale: 'en-US', id: 'solutionConfirmation', at: 2, text: 'Sent! Is there anything else I can help with?', passed: true },
    { name: '"can\'t do anything else" is no check', locale: 'en-US', id: 'solutionConfirmation', at: 2, text: "I can't do anything else for this order.", passed: false },
    { name: 'traditional closing', locale: 'zh-CN', id: 'closing', at: 3, text: '謝謝您的耐心，祝您購物愉快', passed: true },
    { name: 'spaced-out closing', locale: 'zh-CN', id: 'closing', at: 3, text: '感 谢 您 的 支 持 ！', passed: true },
    { name: '不客气 with 荣幸', locale: 'zh-CN', id: 'closing', at: 3, text: '不客气，能帮到您是我的荣幸～', passed: true },
    { name: 'full-width thanks', locale: 'en-US', id: 'closing', at: 3, text: 'ＴＨＡＮＫ ＹＯＵ！', passed: true },
    { name: '"you\'re very welcome, take care"', locale: 'en-US', id: 'closing', at: 3, text: "You're very welcome! Take care.", passed: true },
    { name: '没什么好感谢的 is no closing', locale: 'zh-CN', id: 'closing', at: 3, text: '没什么好感谢的。', passed: false },
    { name: '"nothing to thank me for" is no closing', locale: 'en-US', id: 'closing', at: 3, text: 'There is nothing to thank me for.', passed: false },
  ];

  for (const c of cases) {
    it(`${c.passed ? 'credits' : 'does not credit'} ${c.id}: ${c.name}`, () => {
      // The model's own line for this item is replaced, so only `text` can earn the credit.
      const result = item(inspectConversation(build(c.locale, agentSays(c.at, c.text))), c.id);
      expect(result.passed, result.evidence.join(' | ')).to.equal(c.passed);
      if (c.passed) expect(result.evidence).to.include(c.text);
    });
  }

  it('reads an opening split over two messages before the customer answers', () => {
    const split: Edit = (lines) => lines.flatMap((l): Line[] => (l[1].startsWith('您好，我是') ? [['agent', '您好～', 30], ['agent', '请问有什么可以帮您？', 35]] : [l]));
    const opening = item(inspectConversation(build('zh-CN', split)), 'opening');
    expect(opening.passed, opening.evidence.join(' | ')).to.equal(true);
    expect(opening.evidence).to.deep.equal(['您好～', '请问有什么可以帮您？']);
  });

  it('does not take the greeting\'s thanks for a closing', () => {
    const lines: Line[] = [
      ['customer', '我的快递到哪了', -10],
      ['agent', '您好，感谢您的耐心等待，我是小美！', 20],
      ['agent', '您的订单已经发货了。', 60],
    ];
    const closing = item(inspectConversation(build('zh-CN', () => lines)), 'closing');
    expect(closing.passed).to.equal(false);
    expect(closing.evidence).to.include('您的订单已经发货了。');
  });

  it('scores zero when the agent never replies, without crediting a clean record', () => {
    const card = inspectConversation(build('en-US', (lines) => lines.filter((l) => l[0] !== 'agent')));
    expect(card.score).to.equal(0);
    expect(item(card, 'bannedPhrases').applicable).to.equal(false);
    expect(item(card, 'responseTime').evidence.join(' ')).to.match(/no agent reply/u);
  });

  it('inspects only what the agent wrote after accepting the conversation', () => {
    const earlier: Edit = (lines) => [['agent', '说了多少遍了', -120], ...lines];
    const card = inspectConversation(build('zh-CN', earlier));
    expect(item(card, 'bannedPhrases').passed).to.equal(true);
    expect(card.score).to.equal(100);
  });

  it('rejects a negative or fractional override count', () => {
    expect(() => inspectConversation(build('zh-CN', undefined, { overrides: -1 }))).to.throw(RangeError, /inspectConversation/u);
    expect(() => inspectConversation(build('zh-CN', undefined, { overrides: 1.5 }))).to.throw(RangeError, /inspectConversation/u);
  });
});

describe('inspectConversation agrees with the reply-script library', () => {
  const named: Readonly<Record<Locale, ScriptVars>> = {
    'zh-CN': { customerName: '王女士', agentName: '小美', orderId: '20250106001', eta: '今天下午' },
    'en-US': { customerName: 'Ms Wang', agentName: 'Lily', orderId: '20250106001', eta: 'this afternoon' },
  };
  /** [which scripts, the agent line they replace, the item they must pass] */
  const roles: ReadonlyArray<readonly [string, (s: ReplyScript) => boolean, number, InspectionItemId]> = [
    ['greeting scripts open', (s) => s.scenario === 'greeting', 0, 'opening'],
    ['solution-confirmation scripts confirm', (s) => s.scenario === 'confirmSolution', 2, 'solutionConfirmation'],
    ['thanks and closing scripts close', (s) => s.stage === 'thanks', 3, 'closing'],
  ];
  for (const [name, pick, at, id] of roles) {
    const scripts = DEFAULT_REPLY_SCRIPTS.filter(pick);
    it(`${name} (${scripts.length} scripts, filled with defaults and with names)`, () => {
      expect(scripts).to.not.be.empty;
      for (const script of scripts) {
        for (const vars of [{}, named[script.locale]]) {
          const text = fillScript(script.text, vars, script.locale);
          const result = item(inspectConversation(build(script.locale, agentSays(at, text))), id);
          expect(result.passed, `${script.id}: ${text}`).to.equal(true);
        }
      }
    });
  }
});
