import { expect } from 'chai';
import { computeMetrics, dayOf, type MetricsData, type MetricsMessage } from '../../../bot/metrics/serviceMetrics.js';
import { percentile } from '../../../bot/metrics/percentile.js';

const TZ = 'Asia/Shanghai';
const DAY1 = Date.parse('2026-11-20T02:00:00Z'); // 10:00 in Shanghai
const DAY2 = Date.parse('2026-11-21T02:00:00Z');
const S = 1000;

/** Messages at offsets (seconds) from a start. */
const said = (conversationId: string, start: number, lines: Array<[MetricsMessage['role'], number, string?]>): MetricsMessage[] =>
  lines.map(([role, offset, agentId]) => ({ conversationId, role, createdAt: start + offset * S, ...(agentId ? { agentId } : {}) }));

/**
 * Two days of a small shop: six conversations, three of them handed to people (one asked for a
 * person and was served by Amy, one complaint served by Bob, one VIP still waiting).
 */
const FIXTURE: MetricsData = {
  conversations: [
    { conversationId: 'c1', startedAt: DAY1 },
    { conversationId: 'c2', startedAt: DAY1 + 60 * S },
    { conversationId: 'c3', startedAt: DAY1 + 120 * S },
    { conversationId: 'c4', startedAt: DAY1 + 180 * S },
    { conversationId: 'c5', startedAt: DAY2 },
    { conversationId: 'c6', startedAt: DAY2 + 60 * S },
  ],
  handoffs: [
    { id: 'h2', conversationId: 'c2', reasons: ['humanRequested'], agentId: 'amy', agentName: 'Amy', createdAt: DAY1 + 100 * S, acceptedAt: DAY1 + 160 * S, closedAt: DAY1 + 700 * S, rating: 5, nps: 10 },
    { id: 'h3', conversationId: 'c3', reasons: ['complaint', 'anger'], agentId: 'bob', agentName: 'Bob', createdAt: DAY1 + 200 * S, acceptedAt: DAY1 + 400 * S, closedAt: DAY1 + 1700 * S, rating: 2, nps: 4 },
    { id: 'h5', conversationId: 'c5', reasons: ['vip'], createdAt: DAY2 + 10 * S },
  ],
  messages: [
    ...said('c2', DAY1 + 100 * S, [['customer', 0], ['bot', 1], ['agent', 90, 'amy'], ['customer', 120], ['agent', 150, 'amy'], ['customer', 200], ['agent', 300, 'amy'], ['customer', 590], ['bot', 620]]),
    ...said('c3', DAY1 + 200 * S, [['customer', 0], ['agent', 300, 'bob'], ['customer', 320], ['customer', 330], ['customer', 400], ['agent', 500, 'bob'], ['customer', 800]]),
    ...said('c5', DAY2 + 10 * S, [['customer', 0]]),
  ],
  tickets: [
    { conversationId: 'c3', status: 'open', followUps: 3, createdAt: DAY1 + 200 * S },
    { conversationId: 'c5', status: 'open', followUps: 0, createdAt: DAY2 + 10 * S },
  ],
  warnings: [
    { agentId: 'amy', createdAt: DAY1 + 250 * S },
    { agentId: 'amy', createdAt: DAY1 + 260 * S },
    { agentId: 'bob', createdAt: DAY1 + 600 * S },
  ],
  overrides: [{ agentId: 'amy', createdAt: DAY1 + 270 * S }],
};
const options = { from: Date.parse('2026-11-19T16:00:00Z'), to: Date.parse('2026-11-21T15:59:59Z'), timeZone: TZ, now: DAY2 + 2 * 86_400 * S };

describe('service metrics', () => {
  const m = computeMetrics(FIXTURE, options);

  it('counts conversations, the bot\'s self-service rate and the handoff rate by reason', () => {
    expect(m.totals).to.deep.include({ conversations: 6, botSelfServiceRate: 0.5, handoffs: 3, handoffRate: 0.5, complaints: 1 });
    expect(m.totals.handoffsByReason).to.deep.equal({ complaint: 1, anger: 1, humanRequested: 1, botFailure: 0, repeatContact: 0, vip: 1 });
  });

  it('measures the agents\' first response (median, p90) from the handoff, and the handling time from accept to close', () => {
    expect(m.totals.firstResponseSeconds).to.deep.equal({ median: 90, p90: 300, count: 2 });
    expect(m.totals.averageHandlingSeconds).to.equal((540 + 1300) / 2);
  });

  it('computes 答问比 as agent replies per customer message while an agent held the conversation', () => {
    // c2 from accept (+60 s): agent 3, customer 3 (the first customer line came before); c3 from accept (+200 s): agent 2, customer 4.
    expect(m.totals.replyRatio).to.equal(Number((5 / 7).toFixed(4)));
  });

  it('flags complaint tickets with no first response within 24 hours, and those followed up three times', () => {
    expect(m.totals.tickets).to.deep.equal({ opened: 2, open: 2, overdue: 1, needsSupervisor: 1 });
  });

  it('averages CSAT and computes NPS as promoters minus detractors', () => {
    expect(m.totals.csat).to.deep.equal({ average: 3.5, count: 2, distribution: [0, 1, 0, 0, 1] });
    expect(m.totals.nps).to.deep.equal({ score: 0, count: 2, promoters: 1, passives: 0, detractors: 1 });
    expect(m.totals.guard).to.deep.equal({ warnings: 3, overrides: 1 });
  });

  it('splits by shop-local day, with every day of the period listed', () => {
    expect(m.days.map((d) => d.date)).to.deep.equal(['2026-11-20', '2026-11-21']);
    expect(m.days[0]).to.deep.include({ conversations: 4, botSelfServiceRate: 0.5, handoffs: 2 });
    expect(m.days[1]).to.deep.include({ conversations: 2, handoffs: 1 });
    expect(m.days[1]!.tickets).to.deep.include({ overdue: 1 });
  });

  it('splits by agent: conversations held, first response, CSAT and guard events of each', () => {
    const amy = m.agents.find((a) => a.agentId === 'amy')!;
    const bob = m.agents.find((a) => a.agentId === 'bob')!;
    expect(amy).to.deep.include({ agentName: 'Amy', conversations: 1, averageHandlingSeconds: 540, replyRatio: 1 });
    expect(amy.firstResponseSeconds.median).to.equal(90);
    expect(amy.csat.average).to.equal(5);
    expect(amy.guard).to.deep.equal({ warnings: 2, overrides: 1 });
    expect(bob).to.deep.include({ conversations: 1, complaints: 1, replyRatio: 0.5 });
    expect(bob.guard).to.deep.equal({ warnings: 1, overrides: 0 });
  });

  it('gives null rather than zero where there is nothing to measure', () => {
    const empty = computeMetrics({ conversations: [], handoffs: [], messages: [], tickets: [], warnings: [], overrides: [] }, options);
    expect(empty.totals).to.deep.include({ botSelfServiceRate: null, handoffRate: null, averageHandlingSeconds: null, replyRatio: null });
    expect(empty.totals.firstResponseSeconds).to.deep.equal({ median: null, p90: null, count: 0 });
    expect(empty.totals.nps.score).to.equal(null);
  });
});

describe('dayOf and percentile', () => {
  const cases: Array<{ name: string; at: string; tz: string; day: string }> = [
    { name: 'late evening UTC is the next morning in Shanghai', at: '2026-11-20T17:30:00Z', tz: 'Asia/Shanghai', day: '2026-11-21' },
    { name: 'the same moment in New York is still the 20th', at: '2026-11-20T17:30:00Z', tz: 'America/New_York', day: '2026-11-20' },
  ];
  for (const c of cases) it(c.name, () => expect(dayOf(Date.parse(c.at), c.tz)).to.equal(c.day));

  const ranks: Array<[number[], number, number | null]> = [
    [[], 50, null],
    [[5], 90, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100, 10],
  ];
  for (const [values, p, expected] of ranks) it(`p${p} of [${values.join(',')}] is ${expected}`, () => expect(percentile(values, p)).to.equal(expected));
});
