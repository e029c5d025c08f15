import { expect } from 'chai';
import WebSocket from 'ws';
import { AgentLiveView } from '../../helpers/agentLiveView.js';
import { BotProcess } from '../../helpers/botProcess.js';
import { until } from '../../helpers/until.js';
import { PostgresSchema, PostgresService } from '../../helpers/postgresService.js';
import { TestChannel, userMessage } from '../../helpers/testChannel.js';
import { cardText, TeamsStandIn } from '../../helpers/teamsStandIn.js';

// No secrets configured: the first instance generates them and the second finds them in the database.
let ADMIN = '';
let AGENT = '';
let DL_SECRET = '';

/**
 * Two real bot processes on one PostgreSQL database, spoken to over HTTP as a load balancer
 * would: they share the queue, hear each other's edits and events, and survive the database
 * going away for a moment.
 */
describe('scale-out: two instances on one PostgreSQL', function () {
  this.timeout(180_000);
  const database = new PostgresSchema();
  const channel = new TestChannel();
  let view: AgentLiveView;
  let a: BotProcess;
  let b: BotProcess;
  let serviceUrl: string;

  const call = (base: string, path: string, method = 'GET', body?: unknown, token = ADMIN): Promise<Response> =>
    fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const customer = (base: string, conversationId: string, text: string): Promise<Response> =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(userMessage(serviceUrl, conversationId, text)) });
  const answerOn = async (base: string, text: string): Promise<string | null> =>
    ((await (await call(base, '/api/admin/match', 'POST', { text })).json()) as { answerText: string | null }).answerText;
  const toCustomer = (conversationId: string): string[] => channel.received.filter((m) => m.conversation.id === conversationId && m.type === 'message').map((m) => m.text ?? '');

  before(async function () {
    const reason = await database.create();
    if (reason) {
      this.test!.parent!.title += ` (skipped: ${reason})`;
      this.skip();
    }
    serviceUrl = await channel.start();
    // Each instance its own data directory, as on separate hosts.
    const env = (name: string) => ({ DATABASE_URL: database.url, AGENT_HOURS: '00:00-24:00', DATA_DIR: `/tmp/${database.schema}-${name}` });
    a = new BotProcess(env('a'));
    b = new BotProcess(env('b'));
    await Promise.all([a.start(), b.start()]);
    const [row] = await database.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'secrets'`);
    const shared = JSON.parse(row!.value) as { adminToken: string; agentToken: string; directLineSecret: string };
    ({ adminToken: ADMIN, agentToken: AGENT, directLineSecret: DL_SECRET } = shared);
    view = new AgentLiveView(AGENT);
  });
  after(async () => {
    view?.close();
    await a?.stop();
    await b?.stop();
    await channel.stop();
    await database.drop();
  });

  it('shares the secrets the first instance generated: both take the same tokens', async () => {
    for (const base of [a.baseUrl, b.baseUrl]) {
      expect((await call(base, '/api/admin/faqs?limit=1')).status, base).to.equal(200);
      expect((await call(base, '/api/agent/queue', 'GET', undefined, AGENT)).status, base).to.equal(200);
    }
    expect(a.output + b.output).to.not.contain(ADMIN);
  });

  it('serves one knowledge base: an FAQ edit on A is used by B within a second', async () => {
    const entry = (await (await call(a.baseUrl, '/api/admin/faqs/zh-refund-time')).json()) as Record<string, unknown>;
    const answer = '退款审核通过后 1-3 个工作日原路退回(多实例测试)。';
    expect((await call(a.baseUrl, '/api/admin/faqs/zh-refund-time', 'PUT', { ...entry, answer })).status).to.equal(200);
    await until(async () => (await answerOn(b.baseUrl, '退款多久到账')) === answer, 1000, 'B answers with the edit');
  });

  it('guards agents on B with a banned phrase an admin added on A, within a second', async () => {
    const phrase = { locale: 'zh-CN', category: 'rudeness', phrase: '买不起就别看', suggestion: '这款如果预算不合适,我帮您看看同类更实惠的。' };
    expect((await call(a.baseUrl, '/api/admin/banned-phrases/so-bp', 'PUT', phrase)).status).to.equal(201);
    await until(async () => {
      const res = await call(b.baseUrl, '/api/assist/check', 'POST', { text: '买不起就别看了' }, AGENT);
      return ((await res.json()) as { ok: boolean }).ok === false;
    }, 1000, 'B flags the new phrase');
  });

  it('lets an agent viewing A see a customer who wrote to B, and counts them as online there', async () => {
    await view.open(a.baseUrl);
    expect((await customer(b.baseUrl, 'so-1', '转人工')).status).to.equal(200);
    await until(() => view.events.some((e) => e.event === 'message' && e.data.conversationId === 'so-1' && e.data.text === '转人工'), 5000, 'A\'s live view hears the message');
    await until(() => view.events.some((e) => e.event === 'queued' && e.data.conversationId === 'so-1'), 5000, 'A\'s live view hears the handoff');
    // B knew an agent was online (on A): the customer is queued, not told to wait for a ticket reply.
    await until(() => toCustomer('so-1').some((t) => t.includes('已为您转接人工客服')), 5000, 'the customer hears they are queued');
    expect(toCustomer('so-1').join('\n')).to.not.contain('24 小时');
  });

  it('gives the conversation to exactly one of two agents accepting on different instances', async () => {
    const [onA, onB] = await Promise.all([
      call(a.baseUrl, '/api/agent/conversations/so-1/accept', 'POST', { agentId: 'amy', agentName: 'Amy' }, AGENT),
      call(b.baseUrl, '/api/agent/conversations/so-1/accept', 'POST', { agentId: 'bob', agentName: 'Bob' }, AGENT),
    ]);
    expect([onA.status, onB.status].sort()).to.deep.equal([200, 409]);
    const holder = onA.status === 200 ? 'amy' : 'bob';
    const other = holder === 'amy' ? b : a;
    // The holder's reply goes out through the other instance and still reaches the customer.
    expect((await call(other.baseUrl, '/api/agent/conversations/so-1/messages', 'POST', { agentId: holder, text: '您好,我来为您处理。' }, AGENT)).status).to.equal(200);
    await until(() => toCustomer('so-1').includes('您好,我来为您处理。'), 5000, 'the reply reaches the customer');
  });

  it('streams an agent\'s reply sent through B to a Web Chat customer connected to A (Direct Line)', async () => {
    const tokenRes = await call(a.baseUrl, '/v3/directline/tokens/generate', 'POST', { user: { id: 'dl-user-1' } }, DL_SECRET);
    const { token, conversationId } = (await tokenRes.json()) as { token: string; conversationId: string };
    const started = (await (await call(a.baseUrl, '/v3/directline/conversations', 'POST', undefined, token)).json()) as { streamUrl: string };
    const received: string[] = [];
    const socket = new WebSocket(started.streamUrl);
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text) for (const act of (JSON.parse(text) as { activities: Array<{ text?: string }> }).activities) received.push(act.text ?? '');
    });
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    try {
      // The token minted on A is good on B (one signing key), and B's answer reaches the stream on A.
      expect((await call(b.baseUrl, `/v3/directline/conversations/${conversationId}/activities`, 'POST', { type: 'message', from: { id: 'dl-user-1' }, text: '我要人工客服' }, token)).status).to.equal(200);
      await until(() => received.some((t) => t.startsWith('已为您转接人工客服')), 5000, 'the bot\'s answer from B reaches the stream on A');
      await until(async () => (await call(b.baseUrl, `/api/agent/conversations/${encodeURIComponent(conversationId)}/accept`, 'POST', { agentId: 'cara', agentName: 'Cara' }, AGENT)).status === 200, 5000, 'B can accept the Direct Line conversation');
      expect((await call(b.baseUrl, `/api/agent/conversations/${encodeURIComponent(conversationId)}/messages`, 'POST', { agentId: 'cara', text: '您好,我是客服Cara。' }, AGENT)).status).to.equal(200);
      await until(() => received.includes('您好,我是客服Cara。'), 5000, 'the customer\'s stream on A gets the reply sent through B');
    } finally {
      socket.close();
    }
  });

  it('posts each handoff to the agents\' Teams channel once, whichever instance it reached', async () => {
    const teams = new TeamsStandIn();
    const teamsUrl = await teams.start();
    const channelId = '19:scale-agents@thread.tacv2';
    try {
      const install = {
        type: 'conversationUpdate', id: 'install-1', channelId: 'msteams', serviceUrl: teamsUrl,
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 't1' },
        channelData: { team: { id: channelId, name: '客服组' }, eventType: 'teamMemberAdded', tenant: { id: 't1' } },
        from: { id: '29:admin' }, recipient: { id: '28:bot' }, membersAdded: [{ id: '28:bot' }],
      };
      expect((await fetch(`${a.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(install) })).status).to.equal(200);
      await teams.waitFor((c) => c.kind === 'post' && c.conversationId === channelId);
      // Installed through A; the customer reaches B, which must know the channel too.
      // The news of the installation travels in milliseconds; leave it a moment on a busy machine.
      await new Promise((r) => setTimeout(r, 300));
      expect((await customer(b.baseUrl, 'so-teams', '转人工')).status).to.equal(200);
      await teams.waitFor((c) => c.kind === 'post' && c.conversationId === channelId && cardText(c).includes('so-teams'));
      await new Promise((r) => setTimeout(r, 500));
      expect(teams.calls.filter((c) => c.kind === 'post' && c.conversationId === channelId && cardText(c).includes('so-teams'))).to.have.length(1);
    } finally {
      await teams.stop();
    }
  });

  it('answers 503 while PostgreSQL is down, stays up, and recovers when it is back', async function () {
    const service = new PostgresService();
    const reason = await service.unavailable();
    if (reason) {
      this.test!.title += ` (skipped: ${reason})`;
      this.skip();
    }
    const handoffsBefore = (await database.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM handoffs'))[0]!.n;
    await service.stop();
    try {
      const down = await call(b.baseUrl, '/api/admin/faqs?limit=1');
      expect(down.status).to.equal(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).to.equal('store_unavailable');
      expect((await fetch(`${a.baseUrl}/healthz`)).status).to.equal(503);
      expect((await customer(a.baseUrl, 'so-down', '转人工')).status).to.equal(503);
    } finally {
      await service.start();
    }
    await until(async () => (await fetch(`${a.baseUrl}/healthz`)).status === 200 && (await fetch(`${b.baseUrl}/healthz`)).status === 200, 30_000, 'both instances are healthy again');
    expect(a.output).to.contain('database unavailable');
    // Nothing half-written: the refused request left no handoff behind.
    expect((await database.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM handoffs'))[0]!.n).to.equal(handoffsBefore);
    // The instances hear each other again (the bus reconnected and resynced).
    const entry = (await (await call(b.baseUrl, '/api/admin/faqs/zh-refund-time')).json()) as Record<string, unknown>;
    const answer = '退款审核通过后 1-3 个工作日原路退回(数据库重启之后)。';
    await until(async () => (await call(b.baseUrl, '/api/admin/faqs/zh-refund-time', 'PUT', { ...entry, answer })).status === 200, 10_000, 'B accepts an edit');
    await until(async () => (await answerOn(a.baseUrl, '退款多久到账')) === answer, 10_000, 'A answers with the edit made on B');
  });
});
