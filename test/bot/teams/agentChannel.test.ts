import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';
import { cardActions, cardText, TeamsStandIn, textOf, type ConnectorCall } from '../../helpers/teamsStandIn.js';

const CHANNEL = '19:agents-general@thread.tacv2';
const TENANT = 'tenant-1';
const BOT = { id: '28:shop-bot', name: 'Shop bot' };
const AMY = { id: '29:amy', aadObjectId: 'aad-amy', name: 'Amy' };
const BOB = { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob' };

interface InvokeReply {
  statusCode: number;
  type: string;
  value: unknown;
}

/**
 * The agents' channel in Teams, through /api/messages exactly as Teams calls the bot, with a
 * stand-in for Teams' Bot Connector API receiving what the bot posts, updates and sends privately.
 */
describe('Teams agents\' channel: handoff cards, Accept, thread relay and the guard', function () {
  this.timeout(60_000);
  const teams = new TeamsStandIn();
  let test: TestApp;
  let serviceUrl: string;
  let seq = 0;

  const post = async (activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> => {
    seq += 1;
    const res = await fetch(`${test.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `teams-${seq}`, serviceUrl, recipient: BOT, timestamp: new Date().toISOString(), ...activity }),
    });
    const text = await res.text();
    await test.app.teamsChannel.idle();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const inTeam = (conversationId: string, from: object, extra: Record<string, unknown>): Record<string, unknown> => ({
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { team: { id: CHANNEL, name: '客服组' }, channel: { id: CHANNEL }, tenant: { id: TENANT } },
    from,
    ...extra,
  });
  const customerSays = (conversationId: string, text: string): Promise<{ status: number }> =>
    post({ type: 'message', channelId: 'emulator', conversation: { id: conversationId }, from: { id: `user-${conversationId}`, name: '王女士' }, text, locale: 'zh-CN' });
  const clickCard = async (threadId: string, from: object, action: { verb: string; data: Record<string, unknown> }): Promise<InvokeReply> => {
    const { status, body } = await post(inTeam(threadId, from, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' } }));
    expect(status).to.equal(200);
    return body as InvokeReply;
  };
  const toCustomer = (conversationId: string): string[] =>
    teams.calls.filter((c) => c.kind === 'post' && c.conversationId === conversationId).map(textOf);
  const agentQueue = async (): Promise<Array<{ conversationId: string; status: string; agentId?: string }>> => {
    const res = await fetch(`${test.base}/api/agent/queue`, { headers: { authorization: `Bearer ${TEST_SECRETS.agentToken}` } });
    return ((await res.json()) as { items: Array<{ conversationId: string; status: string; agentId?: string }> }).items;
  };
  /** A customer asks for a person; returns the thread their handoff card started. */
  const handOff = async (conversationId: string): Promise<{ root: ConnectorCall; threadId: string }> => {
    await customerSays(conversationId, '你好');
    await customerSays(conversationId, '转人工,我要找人工客服');
    const [root] = await teams.waitFor((c) => c.kind === 'post' && c.conversationId === CHANNEL && cardText(c).includes(conversationId));
    return { root: root!, threadId: `${CHANNEL};messageid=${root!.activityId}` };
  };

  before(async () => {
    serviceUrl = await teams.start();
    test = await startTestApp({ AGENT_HOURS: '00:00-24:00' });
  });
  after(async () => {
    await test.stop();
    await teams.stop();
  });

  it('captures the team it is installed in and says hello there, without the customer welcome', async () => {
    const { status } = await post(inTeam(CHANNEL, { id: '29:admin', name: 'Admin' }, { type: 'conversationUpdate', membersAdded: [BOT], channelData: { team: { id: CHANNEL, name: '客服组' }, eventType: 'teamMemberAdded', tenant: { id: TENANT } } }));
    expect(status).to.equal(200);
    const [hello] = await teams.waitFor((c) => c.kind === 'post' && c.conversationId === CHANNEL);
    expect(textOf(hello!)).to.contain('Accept');
    expect(test.app.teamsChannel.channel).to.deep.include({ channelId: CHANNEL, tenantId: TENANT, teamName: '客服组' });
  });

  it('posts a handoff as a card with the customer, tier, reasons, last messages, a first reply and Accept', async () => {
    const { root } = await handOff('cust-card');
    const text = cardText(root);
    expect(text).to.contain('user-cust-card').and.to.contain('要求人工').and.to.contain('转人工,我要找人工客服').and.to.contain('普通 regular');
    expect(text).to.contain('建议首句');
    const actions = cardActions(root.body.attachments);
    expect(actions.map((a) => [a.title, a.verb, a.data.conversationId])).to.deep.equal([['接入 Accept', 'handoff.accept', 'cust-card']]);
    expect(actions[0]!.data.handoffId).to.be.a('string').and.not.equal('');
    // The customer hears that a person is coming, not that nobody is there.
    expect(toCustomer('cust-card').join('\n')).to.match(/人工|客服/u);
  });

  it('lets exactly one of two agents pressing Accept at once take the conversation, and the card shows who', async () => {
    const { root, threadId } = await handOff('cust-race');
    const accept = cardActions(root.body.attachments)[0]!;
    const [amy, bob] = await Promise.all([clickCard(threadId, AMY, accept), clickCard(threadId, BOB, accept)]);
    const holder = (await agentQueue()).find((i) => i.conversationId === 'cust-race')!;
    expect(holder.status).to.equal('active');
    expect(['teams-aad-amy', 'teams-aad-bob']).to.include(holder.agentId);
    const name = holder.agentId === 'teams-aad-amy' ? 'Amy' : 'Bob';
    for (const reply of [amy, bob]) {
      expect(reply.type).to.equal('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(reply.value)).to.contain(`${name} 已接入`);
      expect(cardActions(reply.value).map((a) => a.verb)).to.deep.equal(['handoff.close']);
    }
    const joined = toCustomer('cust-race').filter((t) => t.includes(name));
    expect(joined).to.have.length(1);
    // Everyone else's view of the card follows too.
    const [update] = await teams.waitFor((c) => c.kind === 'update' && c.activityId === root.activityId);
    expect(cardText(update!)).to.contain(`${name} 已接入`);
  });

  it('updates the card when the conversation is accepted in the web console', async () => {
    const { root } = await handOff('cust-console');
    const res = await fetch(`${test.base}/api/agent/conversations/cust-console/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: 'web-carol', agentName: 'Carol' }),
    });
    expect(res.status).to.equal(200);
    await test.app.teamsChannel.idle();
    const [update] = await teams.waitFor((c) => c.kind === 'update' && c.activityId === root.activityId);
    expect(cardText(update!)).to.contain('Carol 已接入');
  });

  describe('once accepted', () => {
    let threadId: string;
    let root: ConnectorCall;
    const conversation = 'cust-thread';

    before(async () => {
      ({ root, threadId } = await handOff(conversation));
      await clickCard(threadId, AMY, cardActions(root.body.attachments)[0]!);
    });

    it('shows each customer message in the thread with suggested replies that send in one click', async () => {
      await customerSays(conversation, '我的订单什么时候发货?');
      const [message] = await teams.waitFor((c) => c.kind === 'post' && c.conversationId === threadId && cardText(c).includes('什么时候发货'));
      const sends = cardActions(message!.body.attachments).filter((a) => a.verb === 'reply.send');
      expect(sends.length).to.be.within(1, 3);
      const before = toCustomer(conversation).length;
      const reply = await clickCard(threadId, AMY, sends[0]!);
      expect(JSON.stringify(reply.value)).to.contain('已发送');
      expect(toCustomer(conversation).slice(before)).to.deep.equal([sends[0]!.data.text]);
    });

    it('relays the holder\'s thread messages to the customer, and not notes or colleagues\' messages', async () => {
      const before = toCustomer(conversation).length;
      await post(inTeam(threadId, AMY, { type: 'message', text: '好的,我马上帮您查一下物流。' }));
      await post(inTeam(threadId, AMY, { type: 'message', text: '// 这位顾客上周也问过' }));
      await post(inTeam(threadId, BOB, { type: 'message', text: '我来看看' }));
      expect(toCustomer(conversation).slice(before)).to.deep.equal(['好的,我马上帮您查一下物流。']);
    });

    it('tells a colleague who mentions the bot that someone else holds the conversation', async () => {
      await post(inTeam(threadId, BOB, { type: 'message', text: '<at>Shop bot</at> 我来回复', entities: [{ type: 'mention', mentioned: BOT, text: '<at>Shop bot</at>' }] }));
      const notices = teams.calls.filter((c) => c.kind === 'post' && c.conversationId === threadId && textOf(c).includes('Amy'));
      expect(notices).to.have.length(1);
    });

    it('stops a banned phrase, warns the agent privately, and offers the rewrite or sending anyway', async () => {
      const before = toCustomer(conversation).length;
      await post(inTeam(threadId, AMY, { type: 'message', text: '这个没办法,你自己看着办吧' }));
      expect(toCustomer(conversation).slice(before)).to.deep.equal([]);
      const [created] = await teams.waitFor((c) => c.kind === 'create');
      expect(created!.body).to.deep.include({ isGroup: false, tenantId: TENANT });
      expect(created!.body.members).to.deep.equal([{ id: AMY.id, name: '' }]);
      const [warning] = await teams.waitFor((c) => c.kind === 'post' && c.conversationId === created!.conversationId);
      expect(cardText(warning!)).to.contain('没办法').and.to.contain('未发送');
      expect(teams.calls.some((c) => c.conversationId === threadId && cardText(c).includes('未发送'))).to.equal(false);
      const actions = cardActions(warning!.body.attachments);
      expect(actions.map((a) => a.title)).to.deep.equal(['发送建议 Send suggestion', '仍然发送 Send anyway']);

      const rewrite = actions[0]!.data.text as string;
      expect(rewrite).to.not.contain('没办法');
      const sent = await clickCard(created!.conversationId, AMY, actions[0]!);
      expect(JSON.stringify(sent.value)).to.contain('已发送');
      expect(toCustomer(conversation).slice(before)).to.deep.equal([rewrite]);
    });

    it('sends anyway when the agent insists, and records the override for quality review', async () => {
      const overrides = async (): Promise<number> => Number((await test.app.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM guard_overrides WHERE conversation_id = ?`, [conversation]))?.n);
      const before = toCustomer(conversation).length;
      const overridesBefore = await overrides();
      await post(inTeam(threadId, AMY, { type: 'message', text: '没办法,这是规定' }));
      const warnings = await teams.waitFor((c) => c.kind === 'post' && c.conversationId.startsWith('a:direct-') && cardText(c).includes('这是规定'));
      const anyway = cardActions(warnings[0]!.body.attachments).find((a) => a.data.force === true)!;
      await clickCard(warnings[0]!.conversationId, AMY, anyway);
      expect(toCustomer(conversation).slice(before)).to.deep.equal(['没办法,这是规定']);
      expect(await overrides()).to.equal(overridesBefore + 1);
    });

    it('lets only the holder close, then the card shows closed and the customer is asked for a rating', async () => {
      const close = { verb: 'handoff.close', data: { handoffId: cardActions(root.body.attachments)[0]!.data.handoffId as string, conversationId: conversation } };
      const refused = await clickCard(threadId, BOB, close);
      expect(refused.type).to.equal('application/vnd.microsoft.activity.message');
      expect((await agentQueue()).find((i) => i.conversationId === conversation)?.status).to.equal('active');
      const closed = await clickCard(threadId, AMY, close);
      expect(JSON.stringify(closed.value)).to.contain('已结束');
      expect(cardActions(closed.value)).to.deep.equal([]);
      expect(toCustomer(conversation).at(-1)).to.match(/1.*5|评分|打分|满意/u);
      // A stale Accept on the closed handoff changes nothing and shows it closed.
      const said = toCustomer(conversation).length;
      const late = await clickCard(threadId, BOB, cardActions(root.body.attachments)[0]!);
      expect(JSON.stringify(late.value)).to.contain('已结束');
      expect(cardActions(late.value)).to.deep.equal([]);
      expect(toCustomer(conversation)).to.have.length(said);
    });
  });

  it('answers a malformed card action with a 400 naming what is missing', async () => {
    const { status, body } = await post(inTeam(CHANNEL, AMY, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'handoff.accept', data: {} } } }));
    expect(status).to.equal(400);
    expect(JSON.stringify(body)).to.contain('conversationId');
  });

  it('never runs the customer dialog on the agents\' own channel chatter', async () => {
    const before = teams.calls.length;
    await post(inTeam(CHANNEL, BOB, { type: 'message', text: '退款多久到账' }));
    expect(teams.calls.length).to.equal(before);
  });
});

describe('Teams agents\' channel from the configuration, across a restart', function () {
  this.timeout(60_000);
  const teams = new TeamsStandIn();
  const dataDir = mkdtempSync(join(tmpdir(), 'faqbot-teams-'));
  const configured = '19:configured-desk@thread.tacv2';
  let serviceUrl: string;
  let seq = 0;

  const send = async (test: TestApp, activity: Record<string, unknown>): Promise<unknown> => {
    seq += 1;
    const res = await fetch(`${test.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `restart-${seq}`, serviceUrl, recipient: BOT, ...activity }),
    });
    await test.app.teamsChannel.idle();
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const start = (): Promise<TestApp> =>
    startTestApp({ DATA_DIR: dataDir, AGENT_HOURS: '00:00-24:00', TEAMS_AGENT_CHANNEL_ID: configured, TEAMS_SERVICE_URL: serviceUrl, TEAMS_TENANT_ID: TENANT });

  before(async () => {
    serviceUrl = await teams.start();
  });
  after(async () => {
    await teams.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts to the configured channel without an installation, and the thread still works after a restart', async () => {
    let test = await start();
    await send(test, { type: 'message', channelId: 'emulator', conversation: { id: 'cust-r' }, from: { id: 'user-r', name: 'Li' }, text: '我要人工客服' });
    const [root] = await teams.waitFor((c) => c.kind === 'post' && c.conversationId === configured);
    const threadId = `${configured};messageid=${root!.activityId}`;
    const thread = { conversation: { id: threadId, conversationType: 'channel', isGroup: true, tenantId: TENANT }, channelId: 'msteams', channelData: { team: { id: '19:t' }, tenant: { id: TENANT } } };
    await send(test, { ...thread, type: 'invoke', name: 'adaptiveCard/action', from: AMY, value: { action: { type: 'Action.Execute', ...cardActions(root!.body.attachments)[0]! } } });
    await test.stop();

    test = await start();
    try {
      await send(test, { ...thread, type: 'message', from: AMY, text: '您好,我是Amy,马上为您处理。' });
      const delivered = teams.calls.filter((c) => c.kind === 'post' && c.conversationId === 'cust-r').map(textOf);
      expect(delivered).to.include('您好,我是Amy,马上为您处理。');
    } finally {
      await test.stop();
    }
  });
});
