import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';
import { TestChannel, userMessage } from '../../helpers/testChannel.js';

const ADMIN = TEST_SECRETS.adminToken;
const AGENT = TEST_SECRETS.agentToken;

interface Summary {
  conversations: number;
  botSelfServiceRate: number | null;
  handoffs: number;
  handoffsByReason: Record<string, number>;
  firstResponseSeconds: { median: number | null; count: number };
  replyRatio: number | null;
  tickets: { opened: number; open: number; needsSupervisor: number };
  csat: { average: number | null; count: number };
  guard: { warnings: number; overrides: number };
}
interface Metrics {
  totals: Summary;
  days: Array<{ date: string } & Summary>;
  agents: Array<{ agentId: string; agentName: string } & Summary>;
}
interface QualityItem {
  conversationId: string;
  agentId: string;
  score: number;
  failed: string[];
}

/**
 * Metrics, quality inspection, tickets and the Prometheus endpoint over real HTTP, after real
 * conversations: a customer served by the bot alone, one served well by Amy, one by Bob, who
 * forces a banned phrase through.
 */
describe('service metrics, quality inspection and tickets over HTTP', function () {
  this.timeout(60_000);
  const channel = new TestChannel();
  let test: TestApp;
  let serviceUrl: string;

  const call = async (path: string, method = 'GET', body?: unknown, token = ADMIN): Promise<Response> =>
    fetch(`${test.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = async <T>(path: string, token = ADMIN): Promise<T> => {
    const res = await call(path, 'GET', undefined, token);
    expect(res.status, path).to.equal(200);
    return (await res.json()) as T;
  };
  const customer = async (conversationId: string, text: string): Promise<void> => {
    const res = await fetch(`${test.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(userMessage(serviceUrl, conversationId, text)) });
    expect(res.status).to.equal(200);
  };
  const agent = async (conversationId: string, agentId: string, text: string, force = false): Promise<number> =>
    (await call(`/api/agent/conversations/${conversationId}/messages`, 'POST', { agentId, text, force }, AGENT)).status;

  before(async () => {
    serviceUrl = await channel.start();
    test = await startTestApp({ AGENT_HOURS: '00:00-24:00' });
    await customer('m-self', '退款多久到账');

    await customer('m-bob', '我要找人工客服');
    expect((await call('/api/agent/conversations/m-bob/accept', 'POST', { agentId: 'bob', agentName: 'Bob' }, AGENT)).status).to.equal(200);
    expect(await agent('m-bob', 'bob', '这个没办法')).to.equal(422);
    expect(await agent('m-bob', 'bob', '这个没办法', true)).to.equal(200);
    expect((await call('/api/agent/conversations/m-bob/close', 'POST', undefined, AGENT)).status).to.equal(200);

    await customer('m-amy', '转人工');
    expect((await call('/api/agent/conversations/m-amy/accept', 'POST', { agentId: 'amy', agentName: 'Amy' }, AGENT)).status).to.equal(200);
    expect(await agent('m-amy', 'amy', '您好,我是客服Amy,很高兴为您服务!请问有什么可以帮您?')).to.equal(200);
    await customer('m-amy', '我的快递三天没动了');
    expect(await agent('m-amy', 'amy', '非常抱歉让您久等了,我马上联系快递核实,今天内给您回复。这样处理您看可以吗?')).to.equal(200);
    await customer('m-amy', '可以');
    expect(await agent('m-amy', 'amy', '感谢您的耐心,祝您生活愉快!')).to.equal(200);
    expect((await call('/api/agent/conversations/m-amy/close', 'POST', undefined, AGENT)).status).to.equal(200);
    await customer('m-amy', '4');
  });
  after(async () => {
    await test.stop();
    await channel.stop();
  });

  it('counts conversations, self-service, handoffs, CSAT and guard events, in total, per day and per agent', async () => {
    const m = await json<Metrics>('/api/admin/metrics');
    expect(m.totals).to.deep.include({ conversations: 3, handoffs: 2, botSelfServiceRate: Number((1 / 3).toFixed(4)) });
    expect(m.totals.handoffsByReason.humanRequested).to.equal(2);
    expect(m.totals.csat).to.deep.include({ average: 4, count: 1 });
    expect(m.totals.guard).to.deep.equal({ warnings: 1, overrides: 1 });
    expect(m.totals.firstResponseSeconds.count).to.equal(2);
    expect(m.days).to.have.length(7);
    expect(m.days.at(-1)).to.deep.include({ conversations: 3, handoffs: 2 });
    const amy = m.agents.find((a) => a.agentId === 'amy')!;
    expect(amy).to.deep.include({ agentName: 'Amy', conversations: 1, replyRatio: 1.5 });
    expect(m.agents.find((a) => a.agentId === 'bob')!.guard).to.deep.equal({ warnings: 1, overrides: 1 });
  });

  it('refuses a period that is not a date or runs backwards, naming the field', async () => {
    for (const query of ['from=2026-13-45', 'from=yesterday', 'from=2026-11-20&to=2026-11-10']) {
      const res = await call(`/api/admin/metrics?${query}`);
      expect(res.status, query).to.equal(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).to.match(/^from: /u);
    }
    expect((await call('/api/admin/metrics', 'GET', undefined, AGENT)).status).to.equal(401);
  });

  it('inspects every agent-handled conversation and lists the lowest scores first', async () => {
    const { items, timeZone, inspected, truncated } = await json<{ items: QualityItem[]; timeZone: string; inspected: number; truncated: boolean }>('/api/admin/quality');
    expect({ timeZone, inspected, truncated }).to.deep.equal({ timeZone: 'Asia/Shanghai', inspected: 2, truncated: false });
    expect(items.map((i) => i.conversationId)).to.deep.equal(['m-bob', 'm-amy']);
    // The page is the lowest scores of all inspected, not the newest conversations (Amy's closed last).
    const [worst] = (await json<{ items: QualityItem[] }>('/api/admin/quality?limit=1')).items;
    expect(worst!.conversationId).to.equal('m-bob');
    expect(items[1]!).to.deep.include({ agentId: 'amy', score: 100, failed: [] });
    expect(items[0]!.score).to.be.below(60);
    expect(items[0]!.failed).to.include.members(['opening', 'bannedPhrases', 'closing']);
  });

  it('shows one scorecard with the evidence behind each item', async () => {
    const card = await json<{ score: number; items: Array<{ id: string; passed: boolean; evidence: string[] }>; transcript: unknown[] }>('/api/admin/quality/m-bob');
    const banned = card.items.find((i) => i.id === 'bannedPhrases')!;
    expect(banned.passed).to.equal(false);
    expect(banned.evidence.join('\n')).to.contain('没办法');
    expect(card.transcript.length).to.be.greaterThan(2);
    expect((await call('/api/admin/quality/m-self')).status).to.equal(404);
  });

  it('tracks complaint tickets: three follow-ups without resolution call for a supervisor', async () => {
    const { items } = await json<{ items: Array<{ id: string; conversationId: string; needsSupervisor: boolean }> }>('/api/agent/tickets?status=open', AGENT);
    const ticket = items.find((t) => t.conversationId === 'm-bob')!;
    expect(ticket.needsSupervisor).to.equal(false);
    let last: { followUps: number; needsSupervisor: boolean } | undefined;
    for (let i = 0; i < 3; i++) last = (await (await call(`/api/agent/tickets/${ticket.id}/follow-ups`, 'POST', {}, AGENT)).json()) as { followUps: number; needsSupervisor: boolean };
    expect(last).to.deep.include({ followUps: 3, needsSupervisor: true });
    const metrics = await json<Metrics>('/api/admin/metrics');
    expect(metrics.totals.tickets.needsSupervisor).to.equal(1);
    const resolved = (await (await call(`/api/agent/tickets/${ticket.id}/resolve`, 'POST', {}, AGENT)).json()) as { status: string; needsSupervisor: boolean };
    expect(resolved).to.deep.include({ status: 'resolved', needsSupervisor: false });
    expect((await call(`/api/agent/tickets/${ticket.id}/follow-ups`, 'POST', {}, AGENT)).status).to.equal(409);
    expect((await call('/api/agent/tickets/T-none/resolve', 'POST', {}, AGENT)).status).to.equal(404);
  });

  it('serves the counters in Prometheus text format behind the admin token', async () => {
    const res = await call('/metrics');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/plain; version=0.0.4');
    const text = await res.text();
    expect(text).to.contain('# TYPE shopbot_handoffs gauge');
    expect(text).to.match(/^shopbot_handoffs\{status="closed"\} 2$/mu);
    expect(text).to.match(/^shopbot_guard_overrides_total 1$/mu);
    expect(text).to.match(/^shopbot_handoffs_total\{reason="humanRequested"\} 2$/mu);
    expect(text).to.match(/^shopbot_handoffs_total\{reason="complaint"\} 0$/mu);
    expect(text).to.match(/^shopbot_csat_ratings_total\{rating="4"\} 1$/mu);
    expect(text).to.match(/^shopbot_faq_entries \d+$/mu);
    expect((await fetch(`${test.base}/metrics`)).status).to.equal(401);
  });
});
