import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'chai';
import { seedFaqs } from '../../../knowledge/seedFaqs.js';
import { BotProcess } from '../../helpers/botProcess.js';
import { TestChannel, userMessage } from '../../helpers/testChannel.js';

const ADMIN = 'test-admin-token-0123456789';
const seed = new Map(seedFaqs().map((e) => [e.id, e]));
const answerOf = (id: string): string => seed.get(id)!.answer;

describe('FAQ bot end to end (real server process, real channel, SQLite file)', function () {
  this.timeout(60_000);
  const channel = new TestChannel();
  let dataDir: string;
  let bot: BotProcess;
  let serviceUrl: string;

  const post = (body: unknown, init: RequestInit = {}) =>
    fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${bot.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const ask = async (conversationId: string, text: string, extra: Record<string, unknown> = {}) => {
    const before = channel.received.filter((a) => a.conversation.id === conversationId).length;
    const res = await post(userMessage(serviceUrl, conversationId, text, extra));
    expect(res.status).to.equal(200);
    const all = await channel.messages(conversationId, before + 1);
    return all[before]!;
  };

  before(async () => {
    serviceUrl = await channel.start();
    dataDir = mkdtempSync(join(tmpdir(), 'faqbot-e2e-'));
    bot = new BotProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, REPLY_TIMEOUT_MS: '1500' });
    await bot.start();
  });

  after(async () => {
    await bot.stop();
    await channel.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers GET /healthz with the store it uses', async () => {
    const res = await fetch(`${bot.baseUrl}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ status: 'ok', store: 'sqlite' });
  });

  it('answers a Chinese question with the seeded Chinese answer, and asks for feedback', async () => {
    const reply = await ask('conv-zh', '退款多久到账');
    expect(reply.text).to.contain(answerOf('zh-refund-time'));
    expect(reply.replyToId).to.be.a('string');
    expect(reply.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['👍 有帮助', '👎 没帮助']);
  });

  it('answers an English question in English', async () => {
    const reply = await ask('conv-en', 'how do I track my package');
    expect(reply.text).to.contain(answerOf('en-tracking'));
  });

  it('says it does not know, offers a person, and files the question for the admins', async () => {
    const reply = await ask('conv-ood', '帮我写一首关于月亮的诗');
    expect(reply.text).to.contain('抱歉');
    expect(reply.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['转人工']);
    const inbox = (await (await admin('/api/admin/unanswered')).json()) as { items: Array<{ text: string; count: number }> };
    expect(inbox.items.find((i) => i.text === '帮我写一首关于月亮的诗')?.count).to.equal(1);
  });

  it('handles a retried delivery of the same activity once', async () => {
    const activity = userMessage(serviceUrl, 'conv-dup', '怎么开发票');
    for (let i = 0; i < 3; i++) expect((await post(activity)).status).to.equal(200);
    await channel.messages('conv-dup', 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(channel.received.filter((a) => a.conversation.id === 'conv-dup')).to.have.length(1);
  });

  it('refuses malformed, empty, incomplete and oversized activities with JSON errors and stays up', async () => {
    const bad = await post(undefined, { body: '{"type": "message",' });
    expect(bad.status).to.equal(400);
    expect(await bad.json()).to.have.nested.property('error.code', 'invalid_json');
    const empty = await post({});
    expect(empty.status).to.equal(400);
    expect(await empty.json()).to.have.nested.property('error.code', 'invalid_activity');
    const { conversation: _c, ...noConversation } = userMessage(serviceUrl, 'x', 'hi');
    expect((await post(noConversation)).status).to.equal(400);
    const { serviceUrl: _s, ...noServiceUrl } = userMessage(serviceUrl, 'x', 'hi');
    expect((await post(noServiceUrl)).status).to.equal(400);
    const huge = await post(userMessage(serviceUrl, 'x', 'a'.repeat(1024 * 1024 + 10)));
    expect(huge.status).to.equal(413);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).to.equal(200);
  });

  it('in local mode refuses to send replies to a serviceUrl off this machine', async () => {
    const res = await post(userMessage('http://203.0.113.9:8080', 'conv-evil', '退款多久到账'));
    expect(res.status).to.equal(403);
    expect(await res.json()).to.have.nested.property('error.code', 'unauthenticated_channel_refused');
  });

  it('uses an admin edit for the very next customer message, without a restart', async () => {
    const entry = seed.get('zh-invoice')!;
    const res = await admin('/api/admin/faqs/zh-invoice', { method: 'PUT', body: JSON.stringify({ ...entry, answer: '电子发票在订单详情页申请,一般 1 小时内发到您的邮箱。' }) });
    expect(res.status).to.equal(200);
    const reply = await ask('conv-edit', '怎么开发票');
    expect(reply.text).to.contain('一般 1 小时内发到您的邮箱');
  });

  it('stores "was this helpful" feedback', async () => {
    const answer = await ask('conv-feedback', '什么时候发货');
    expect(answer.text).to.contain(answerOf('zh-shipping-time'));
    const helpful = answer.suggestedActions!.actions[0]!;
    const thanks = await ask('conv-feedback', helpful.title, { value: helpful.value });
    expect(thanks.text).to.contain('感谢您的反馈');
  });

  it('keeps FAQ edits, feedback and conversation state across kill -9 and restart', async () => {
    const answered = await ask('conv-restart', 'how long does a refund take');
    expect(answered.text).to.contain(answerOf('en-refund-time'));
    await bot.stop('SIGKILL');
    await bot.start();
    // The conversation still knows which answer it gave: a typed "not helpful" refers to it.
    const sorry = await ask('conv-restart', '👎 Not helpful');
    expect(sorry.text).to.contain("Sorry that didn't help");
    const reply = await ask('conv-edit-2', '怎么开发票');
    expect(reply.text).to.contain('一般 1 小时内发到您的邮箱');
    const db = new BetterSqlite3(join(dataDir, 'bot.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT faq_id, helpful FROM faq_feedback ORDER BY created_at').all();
      expect(rows).to.deep.include({ faq_id: 'zh-shipping-time', helpful: 1 });
      expect(rows).to.deep.include({ faq_id: 'en-refund-time', helpful: 0 });
    } finally {
      db.close();
    }
  });

  it('logs an undeliverable reply with its conversation id instead of hanging or crashing', async () => {
    channel.stall = true;
    try {
      const res = await post(userMessage(serviceUrl, 'conv-stalled', '退款多久到账'));
      expect(res.status).to.equal(200);
    } finally {
      channel.stall = false;
    }
    const line = bot.output.split('\n').find((l) => l.includes('"turn failed"') && l.includes('conv-stalled'));
    expect(line, 'a "turn failed" log line naming the conversation').to.be.a('string');
    expect(line).to.contain('DeliveryTimeoutError');
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).to.equal(200);
  });
});
