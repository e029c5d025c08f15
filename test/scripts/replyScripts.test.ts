import { expect } from 'chai';
import { LOCALES } from '../../knowledge/faqEntry.js';
import { BannedPhraseGuard } from '../../scripts/bannedPhraseGuard.js';
import { DEFAULT_BANNED_PHRASES } from '../../scripts/bannedPhrases.js';
import { fillScript } from '../../scripts/fillScript.js';
import { DEFAULT_REPLY_SCRIPTS, ReplyScriptSchema, SCENARIOS, SCENARIO_STAGE, SERVICE_STAGES } from '../../scripts/replyScripts.js';

const BANNED = ['我不清楚', '没办法', '您必须', '加微信', '最低价', '100%', 'no way', 'you must', "I don't know"];
const MIN_PER_LOCALE = { 'zh-CN': 4, 'en-US': 3 } as const;

describe('DEFAULT_REPLY_SCRIPTS', () => {
  it('lists the six service stages in flow order and every stage as a scenario', () => {
    expect(SERVICE_STAGES).to.deep.equal(['greeting', 'confirmNeed', 'answer', 'confirmSolution', 'thanks', 'followUp']);
    for (const stage of SERVICE_STAGES) expect(SCENARIOS).to.include(stage);
  });

  for (const scenario of SCENARIOS) {
    for (const locale of LOCALES) {
      it(`has at least ${MIN_PER_LOCALE[locale]} ${locale} scripts for ${scenario}`, () => {
        const scripts = DEFAULT_REPLY_SCRIPTS.filter((s) => s.scenario === scenario && s.locale === locale);
        expect(scripts.length).to.be.at.least(MIN_PER_LOCALE[locale]);
        for (const s of scripts) expect(s.stage).to.equal(SCENARIO_STAGE[scenario]);
      });
    }
  }

  it('validates every script against the schema', () => {
    for (const script of DEFAULT_REPLY_SCRIPTS) {
      const result = ReplyScriptSchema.safeParse(script);
      expect(result.success, `${script.id}: ${result.error?.message ?? ''}`).to.equal(true);
    }
  });

  it('has unique ids and unique texts', () => {
    expect(new Set(DEFAULT_REPLY_SCRIPTS.map((s) => s.id)).size).to.equal(DEFAULT_REPLY_SCRIPTS.length);
    expect(new Set(DEFAULT_REPLY_SCRIPTS.map((s) => s.text)).size).to.equal(DEFAULT_REPLY_SCRIPTS.length);
  });

  it('contains none of the banned substrings', () => {
    for (const script of DEFAULT_REPLY_SCRIPTS) {
      for (const phrase of BANNED) expect(script.text.toLowerCase(), script.id).not.to.include(phrase.toLowerCase());
    }
  });

  it('passes the banned-phrase guard, filled or not', () => {
    const guard = new BannedPhraseGuard(DEFAULT_BANNED_PHRASES);
    for (const script of DEFAULT_REPLY_SCRIPTS) {
      const filled = fillScript(script.text, {}, script.locale);
      expect(guard.check(filled, script.locale).map((v) => v.phrase), script.id).to.deep.equal([]);
    }
  });

  it('gives every complaint script empathy, an apology and a promise with a time', () => {
    for (const script of DEFAULT_REPLY_SCRIPTS.filter((s) => s.scenario === 'complaint')) {
      const apology = script.locale === 'zh-CN' ? /抱歉|道歉|对不起/u : /sorry|apolog/iu;
      const empathy = script.locale === 'zh-CN' ? /理解|辛苦|失望|心情/u : /understand|hear you|let you down|frustrat/iu;
      expect(script.text, script.id).to.match(apology);
      expect(script.text, script.id).to.match(empathy);
      expect(script.text, script.id).to.include('{eta}');
    }
  });

  it('rejects unknown placeholders and unbalanced braces', () => {
    const base = { id: 'x.1', locale: 'zh-CN', scenario: 'greeting', stage: 'greeting' } as const;
    expect(ReplyScriptSchema.safeParse({ ...base, text: '您好{nickname}' }).success).to.equal(false);
    expect(ReplyScriptSchema.safeParse({ ...base, text: '您好{customerName' }).success).to.equal(false);
    expect(ReplyScriptSchema.safeParse({ ...base, text: '您好{customerName}' }).success).to.equal(true);
  });
});

describe('fillScript', () => {
  const cases = [
    { name: 'fills zh variables', text: '{customerName}您好，我是{agentName}，{orderId}将在{eta}发货', vars: { customerName: '王女士', agentName: '小美', orderId: 'A1001', eta: '今天18点前' }, locale: 'zh-CN', expected: '王女士您好，我是小美，订单A1001将在今天18点前发货' },
    { name: 'zh defaults', text: '{customerName}您好，我是{agentName}，{orderId}将在{eta}发货', vars: {}, locale: 'zh-CN', expected: '亲您好，我是您的专属客服，您的订单将在24小时内发货' },
    { name: 'en defaults', text: "Hi {customerName}, I'm {agentName}. {orderId} ships {eta}.", vars: {}, locale: 'en-US', expected: "Hi there, I'm your support agent. Your order ships within 24 hours." },
    { name: 'en values, order id at sentence start', text: '{orderId} ships {eta}.', vars: { orderId: 'A1001', eta: 'by Friday' }, locale: 'en-US', expected: 'Order A1001 ships by Friday.' },
    { name: 'blank values count as missing', text: 'Hi {customerName}!', vars: { customerName: '  ' }, locale: 'en-US', expected: 'Hi there!' },
    { name: 'an order id already named as one is kept', text: '{orderId}已发货', vars: { orderId: '订单A1' }, locale: 'zh-CN', expected: '订单A1已发货' },
    { name: 'unknown placeholders and stray braces go', text: 'Hi {nickname} {customerName} }', vars: { customerName: 'Sam' }, locale: 'en-US', expected: 'Hi Sam' },
    { name: 'braces inside values go', text: 'Hi {customerName}', vars: { customerName: '{eta}' }, locale: 'en-US', expected: 'Hi eta' },
  ] as const;
  for (const c of cases) it(c.name, () => expect(fillScript(c.text, c.vars, c.locale)).to.equal(c.expected));

  it('leaves no brace in any default script', () => {
    for (const s of DEFAULT_REPLY_SCRIPTS) expect(fillScript(s.text, {}, s.locale), s.id).not.to.match(/[{}]/u);
  });
});
