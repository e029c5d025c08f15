// The dashboard tab: the service metrics of a period as headline tiles, charts and a per-agent
// table. A null from the API means "nothing to measure" and is shown as "—", never as 0.
import { $, api, clearErrors, el, showErrors } from './adminShared.js';
import { barChart, hBarChart, legend, lineChart } from './adminCharts.js';
import { bindPeriodForm, learnPeriod, periodQuery, showPeriod } from './adminPeriod.js';

/** Handover reasons, in the order the API counts them. */
export const REASONS = {
  complaint: '投诉 Complaint',
  anger: '情绪 Anger',
  humanRequested: '要人工 Asked for agent',
  botFailure: '没答上 Bot failed',
  repeatContact: '重复来问 Repeat contact',
  vip: 'VIP',
};

const DASH = '—';
const known = (v) => v !== null && v !== undefined;
export const percent = (v) => (known(v) ? `${(v * 100).toFixed(1)}%` : DASH);
const fixed = (v, places = 2) => (known(v) ? v.toFixed(places) : DASH);

/** Seconds as "45s", "3m 20s" or "1h 05m". */
export function duration(seconds) {
  if (!known(seconds)) return DASH;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const csat = (c) => (known(c.average) ? `${c.average.toFixed(2)} / 5` : DASH);
const nps = (n) => (known(n.score) ? `${n.score > 0 ? '+' : ''}${n.score}` : DASH);
const form = () => $('dash-period');

export function initDashboard() {
  bindPeriodForm(form(), loadDashboard);
}

export async function loadDashboard() {
  showPeriod(form());
  let metrics;
  try {
    metrics = await api(`/api/admin/metrics?${periodQuery()}`);
  } catch (err) {
    if (err.status !== 400) throw err;
    showErrors(form(), err);
    return;
  }
  clearErrors(form());
  learnPeriod(metrics);
  showPeriod(form());
  renderTiles(metrics.totals);
  renderCharts(metrics);
  renderAgents(metrics.agents);
}

/** One headline number; `alert` marks a figure that needs someone's attention. */
function tile(key, label, value, sub, alert = false) {
  return el('div', { class: `tile${alert ? ' alert' : ''}`, 'data-metric': key }, [
    el('span', { class: 'tile-label', text: label }),
    el('strong', { class: 'tile-value', text: value }),
    sub ? el('span', { class: 'tile-sub', text: sub }) : null,
  ]);
}

function renderTiles(t) {
  const fr = t.firstResponseSeconds;
  $('dash-tiles').replaceChildren(
    tile('conversations', '会话 Conversations', String(t.conversations), `转人工 ${t.handoffs} handed over`),
    tile('selfService', '机器人自助率 Bot self-service', percent(t.botSelfServiceRate), '无需人工 without a person'),
    tile('handoffRate', '转人工率 Handoff rate', percent(t.handoffRate), `${t.handoffs} 次 handoffs`),
    tile('firstResponse', '首次响应 First response', duration(fr.median), `中位数 median · P90 ${duration(fr.p90)} · ${fr.count} 次 replies`),
    tile('handling', '平均处理时长 Handling time', duration(t.averageHandlingSeconds), '接入到结束 accept to close'),
    tile('replyRatio', '答问比 Reply ratio', fixed(t.replyRatio), '坐席回复 / 客户消息 replies per message'),
    tile('csat', '满意度 CSAT', csat(t.csat), `${t.csat.count} 条评价 ratings`),
    tile('nps', '净推荐值 NPS', nps(t.nps), `${t.nps.count} 人 · 推荐 ${t.nps.promoters} / 中立 ${t.nps.passives} / 贬损 ${t.nps.detractors}`),
    tile('complaints', '投诉 Complaints', String(t.complaints), `工单 ${t.tickets.opened} tickets opened, ${t.tickets.open} open`),
    tile('tickets', '工单超时 / 需主管 Overdue / supervisor', `${t.tickets.overdue} / ${t.tickets.needsSupervisor}`, '超过 24 小时未回复 / 跟进 3 次未解决', t.tickets.overdue + t.tickets.needsSupervisor > 0),
    tile('guard', '禁用语提醒 / 强发 Warnings / overrides', `${t.guard.warnings} / ${t.guard.overrides}`, '强发的回复会进入质检 overrides go to quality review', t.guard.overrides > 0),
  );
}

/** A chart in its pane, with a visible caption and, for several series, their legend. */
function figure(key, caption, chart, chartLegend) {
  return el('figure', { class: 'pane chart-pane', 'data-figure': key }, [el('figcaption', { text: caption }), chart, chartLegend]);
}

function renderCharts(m) {
  const days = m.days.map((d) => d.date.slice(5));
  const daily = [
    { name: '会话 Conversations', values: m.days.map((d) => d.conversations), className: 'series-a' },
    { name: '转人工 Handoffs', values: m.days.map((d) => d.handoffs), className: 'series-b' },
  ];
  const ratings = m.totals.csat.distribution;
  $('dash-charts').replaceChildren(
    figure('daily', '每日会话与转人工 Conversations and handoffs per day',
      barChart({ title: '每日会话与转人工 Conversations and handoffs per day', categories: days, series: daily }), legend(daily)),
    figure('selfService', '每日机器人自助率 Bot self-service rate per day',
      lineChart({ title: '每日机器人自助率 Bot self-service rate per day', categories: days, values: m.days.map((d) => d.botSelfServiceRate), format: (v) => `${Math.round(v * 100)}%` })),
    figure('reasons', '转人工原因 Handoffs by reason',
      hBarChart({ title: '转人工原因 Handoffs by reason', rows: Object.entries(REASONS).map(([id, label]) => ({ label, value: m.totals.handoffsByReason[id] ?? 0 })) })),
    figure('csat', `满意度分布 CSAT ratings (${m.totals.csat.count})`,
      barChart({ title: `满意度分布 CSAT ratings, average ${csat(m.totals.csat)}`, categories: ['1★', '2★', '3★', '4★', '5★'], series: [{ name: '评价 Ratings', values: ratings, className: 'series-c' }] })),
  );
}

function renderAgents(agents) {
  const rows = $('dash-agents');
  rows.replaceChildren();
  const sorted = [...agents].sort((a, b) => b.conversations - a.conversations || a.agentName.localeCompare(b.agentName));
  for (const a of sorted) {
    rows.append(el('tr', { 'data-agent': a.agentId }, [
      el('td', { text: a.agentName, title: a.agentId }),
      el('td', { class: 'num', 'data-col': 'handled', text: String(a.conversations) }),
      el('td', { class: 'num', 'data-col': 'firstResponse', text: duration(a.firstResponseSeconds.median) }),
      el('td', { class: 'num', 'data-col': 'handling', text: duration(a.averageHandlingSeconds) }),
      el('td', { class: 'num', 'data-col': 'replyRatio', text: fixed(a.replyRatio) }),
      el('td', { class: 'num', 'data-col': 'csat', text: known(a.csat.average) ? `${a.csat.average.toFixed(2)} (${a.csat.count})` : DASH }),
      el('td', { class: 'num', 'data-col': 'guard', text: `${a.guard.warnings} / ${a.guard.overrides}` }),
    ]));
  }
  if (sorted.length === 0) rows.append(el('tr', {}, [el('td', { colspan: '7', class: 'note', text: '这段时间没有坐席接待 No agent handled a conversation in this period' })]));
}
