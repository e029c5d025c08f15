import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { BotProcess } from '../../helpers/botProcess.js';
import { AgentLiveView } from '../../helpers/agentLiveView.js';
import { TestChannel, userMessage, type SentActivity } from '../../helpers/testChannel.js';

const ADMIN = 'handoff-admin-token-0001';
const AGENT = 'handoff-agent-token-0001';

interface QueueItem {
  conversationId: string;
  priority: string;
  status: string;
  reasons: string[];
  customer: { id: string; tier: string };
  agentId?: string;
}

describe('handoff to human agents end to end (real server process, real channel)', function () {
  this.timeout(90_000);
  const channel = new TestChannel();
  const agentView = new AgentLiveView(AGENT);
  let bot: BotProcess;
  let serviceUrl: string;
  let dataDir: string;

  const call = (path: string, method = 'GET', body?: unknown, token = AGENT) =>
    fetch(`${bot.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Sends a customer message and returns the bot's messages that follow (at least `expect`). */
  const say = async (conversationId: string, text: string, count: number, extra: Record<string, unknown> = {}): Promise<SentActivity[]> => {
    const before = channel.received.filter((a) => a.conversation.id === conversationId && a.type === 'message').length;
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userMessage(serviceUrl, conversationId, text, extra)),
    });
    expect(res.status).to.equal(200);
    return (await channel.messages(conversationId, before + count)).slice(before);
  };
  const queue = async (): Promise<QueueItem[]> => ((await (await call('/api/agent/queue')).json()) as { items: QueueItem[] }).items;

  before(async () => {
    serviceUrl = await channel.start();
    dataDir = mkdtempSync(join(tmpdir(), 'faqbot-handoff-'));
    // The stand-in channel plays an authenticated channel, so its user ids are trusted.
    bot = new BotProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, AGENT_TOKEN: AGENT, AGENT_HOURS: '00:00-24:00', TRUSTED_IDENTITY_CHANNELS: 'emulator', NPS_SURVEY: 'true' });
    await bot.start();
    const imported = await call('/api/admin/customers/import', 'POST', [{ id: 'vip-1', name: '王女士', tier: 'diamond', lifetimeValue: 25_000 }], ADMIN);
    expect(imported.status).to.equal(200);
    await agentView.open(bot.baseUrl);
  });

  after(async () => {
    agentView.close();
    await bot.stop();
    await channel.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('meets a complaint with an apology, collects the order and contact, opens a ticket and queues it', async () => {
    const [empathy, askOrder] = await say('c-complaint', '你们太坑人了!!!质量这么差,我要投诉', 2, { from: { id: 'cust-1', name: '李先生' } });
    expect(empathy!.text).to.match(/^非常抱歉/u);
    expect(askOrder!.text).to.contain('订单号');
    const [askContact] = await say('c-complaint', '2024112212345678', 1, { from: { id: 'cust-1', name: '李先生' } });
    expect(askContact!.text).to.contain('联系方式');
    const [ticket, queued] = await say('c-complaint', 'li@example.com', 2, { from: { id: 'cust-1', name: '李先生' } });
    expect(ticket!.text).to.match(/投诉工单 T\w+/u);
    expect(queued!.text).to.contain('已为您转接人工客服');
  });

  it('routes a diamond customer from the directory to a person at once, ahead of the complaint, still answering the FAQ', async () => {
    const replies = await say('c-vip', '怎么开发票', 2, { from: { id: 'vip-1', name: 'Wang' } });
    expect(replies[0]!.text).to.contain('电子');
    expect(replies[1]!.text).to.contain('已为您转接人工客服');
    const items = await queue();
    expect(items.map((i) => [i.conversationId, i.priority])).to.deep.equal([
      ['c-vip', 'vip'],
      ['c-complaint', 'high'],
    ]);
    expect(items[0]!.customer).to.include({ id: 'vip-1', tier: 'diamond' });
  });

  it('ignores a tier the client claims in unsigned channelData', async () => {
    const replies = await say('c-spoof', '怎么开发票', 1, { from: { id: 'nobody', name: 'Nobody' }, channelData: { tier: 'diamond', customer: { tier: 'diamond' } } });
    expect(replies[0]!.text).to.contain('电子');
    await new Promise((r) => setTimeout(r, 500));
    expect((await queue()).map((i) => i.conversationId)).to.not.include('c-spoof');
  });

  it('queues an explicit request for a person after the others', async () => {
    const [queued] = await say('c-human', '我要找真人客服', 1, { from: { id: 'cust-2', name: 'Zhao' } });
    expect(queued!.text).to.contain('已为您转接人工客服');
    expect((await queue()).map((i) => i.priority)).to.deep.equal(['vip', 'high', 'normal']);
    expect(agentView.events.some((e) => e.event === 'queue'), 'the live view heard about the queue').to.equal(true);
  });

  it('gives a conversation to exactly one agent; the bot goes quiet and the agent sees every message', async () => {
    const first = await call('/api/agent/conversations/c-complaint/accept', 'POST', { agentId: 'agent-a', agentName: '小美' });
    expect(first.status).to.equal(200);
    const second = await call('/api/agent/conversations/c-complaint/accept', 'POST', { agentId: 'agent-b', agentName: '小刚' });
    expect(second.status).to.equal(409);
    const joined = await channel.messages('c-complaint', 6);
    expect(joined[5]!.text).to.contain('小美');

    const before = channel.received.filter((a) => a.conversation.id === 'c-complaint').length;
    await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userMessage(serviceUrl, 'c-complaint', '鞋底开胶了,照片已经拍好了', { from: { id: 'cust-1', name: '李先生' } })),
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(channel.received.filter((a) => a.conversation.id === 'c-complaint').length, 'the bot does not answer').to.equal(before);
    const view = (await (await call('/api/agent/conversations/c-complaint')).json()) as {
      transcript: Array<{ role: string; text: string }>;
      ticket: { orderId: string };
      suggestions: Array<{ text: string; source: string; scenario: string }>;
    };
    expect(view.transcript.at(-1)).to.deep.include({ role: 'customer', text: '鞋底开胶了,照片已经拍好了' });
    expect(view.transcript.map((m) => m.role)).to.include.members(['customer', 'bot']);
    expect(view.ticket.orderId).to.equal('2024112212345678');
    expect(view.suggestions.length, 'suggested replies for the agent').to.be.greaterThan(0);
    expect(agentView.events.some((e) => e.event === 'message' && e.data.text === '鞋底开胶了,照片已经拍好了')).to.equal(true);
  });

  it("relays the agent's reply to the customer and records it", async () => {
    const res = await call('/api/agent/conversations/c-complaint/messages', 'POST', { agentId: 'agent-a', text: '非常抱歉,我们马上为您换一双新的,今天就安排发出。' });
    expect(res.status).to.equal(200);
    const got = await channel.messages('c-complaint', 7);
    expect(got[6]!.text).to.equal('非常抱歉,我们马上为您换一双新的,今天就安排发出。');
    const other = await call('/api/agent/conversations/c-complaint/messages', 'POST', { agentId: 'agent-b', text: 'hi' });
    expect(other.status).to.equal(403);
  });

  it('hands back to the bot on close, which asks for a rating and how likely the customer is to recommend us', async () => {
    expect((await call('/api/agent/conversations/c-complaint/close', 'POST')).status).to.equal(200);
    const prompt = (await channel.messages('c-complaint', 8))[7]!;
    expect(prompt.text).to.contain('打个分');
    expect(prompt.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['1', '2', '3', '4', '5']);
    const [recommend] = await say('c-complaint', '5', 1, { from: { id: 'cust-1', name: '李先生' } });
    expect(recommend!.text).to.contain('推荐给亲友');
    expect(recommend!.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const [thanks] = await say('c-complaint', '9', 1, { from: { id: 'cust-1', name: '李先生' } });
    expect(thanks!.text).to.contain('感谢您的评价');
    const view = (await (await call('/api/agent/conversations/c-complaint')).json()) as { status: string; rating: number; nps: number };
    expect(view).to.include({ status: 'closed', rating: 5, nps: 9 });
  });

  it('keeps the queue, tickets and transcripts across kill -9 and restart', async () => {
    const before = await queue();
    agentView.close();
    await bot.stop('SIGKILL');
    await bot.start();
    expect(await queue()).to.deep.equal(before);
    const view = (await (await call('/api/agent/conversations/c-complaint')).json()) as { transcript: unknown[]; ticket: { contact: string } };
    expect(view.ticket.contact).to.equal('li@example.com');
    expect(view.transcript.length).to.be.greaterThan(8);
  });
});
