// The quality review tab (质检): agent-handled conversations of a period, lowest score first;
// one opens as its scorecard (each item with its evidence) beside the transcript.
import { $, api, clearErrors, el, formatTime, showErrors, toast } from './adminShared.js';
import { REASONS } from './adminDashboard.js';
import { bindPeriodForm, ensurePeriod, periodQuery, showPeriod } from './adminPeriod.js';

/** The scorecard's items as the list names them (the scorecard itself brings its labels). */
const ITEMS = {
  opening: '开场白 Opening',
  responseTime: '首次响应 Response time',
  bannedPhrases: '禁用语 Banned phrases',
  empathy: '安抚致歉 Empathy',
  solutionConfirmation: '方案确认 Confirmation',
  closing: '结束语 Closing',
};
const ROLES = { customer: '客户 Customer', bot: '机器人 Bot', agent: '坐席 Agent' };
const MARKS = {
  passed: { mark: '✓', label: '通过 Passed' },
  failed: { mark: '✗', label: '未通过 Failed' },
  na: { mark: '—', label: '不适用 Not applicable' },
};

const state = { open: null };
const form = () => $('quality-period');

/** Low scores stand out: under 60 fails, under 80 needs a look. */
const scoreClass = (score) => (score < 60 ? 'low' : score < 80 ? 'mid' : 'high');
const scoreBadge = (score) => el('span', { class: `score-badge ${scoreClass(score)}`, text: String(score) });
const when = (iso) => formatTime(Date.parse(iso));

export function initQuality() {
  bindPeriodForm(form(), loadQuality);
}

export async function loadQuality() {
  await ensurePeriod();
  showPeriod(form());
  let list;
  try {
    list = await api(`/api/admin/quality?${periodQuery()}&limit=500`);
  } catch (err) {
    if (err.status !== 400) throw err;
    showErrors(form(), err);
    return;
  }
  clearErrors(form());
  renderList(list.items);
  if (state.open && !list.items.some((i) => i.conversationId === state.open)) closeCard();
}

function renderList(items) {
  const rows = $('quality-rows');
  rows.replaceChildren();
  for (const item of items) {
    const open = () => void openScorecard(item.conversationId);
    rows.append(el('tr', { 'data-id': item.conversationId, class: item.conversationId === state.open ? 'selected clickable' : 'clickable', onclick: open }, [
      el('td', {}, [scoreBadge(item.score)]),
      el('td', { text: item.agentName }),
      el('td', { text: item.customerName || '—' }),
      el('td', { class: 'badges' }, item.failed.length > 0
        ? item.failed.map((id) => el('span', { class: 'badge failed', 'data-item': id, text: ITEMS[id] || id }))
        : [el('span', { class: 'badge passed', text: '全部通过 All passed' })]),
      el('td', { class: 'num', text: item.rating !== undefined ? `★${item.rating}` : '—' }),
      el('td', { text: when(item.closedAt) }),
      el('td', { class: 'actions-cell' }, [el('button', {
        type: 'button', class: 'link', text: '查看 Open', 'aria-label': `查看评分 Open the scorecard: ${item.agentName}, ${item.customerName}`,
        onclick: (e) => { e.stopPropagation(); open(); },
      })]),
    ]));
  }
  $('quality-empty').hidden = items.length > 0;
}

async function openScorecard(conversationId) {
  let card;
  try {
    card = await api(`/api/admin/quality/${encodeURIComponent(conversationId)}`);
  } catch (err) {
    if (err.status !== 401) toast(err.message);
    return;
  }
  state.open = conversationId;
  for (const row of $('quality-rows').querySelectorAll('tr')) row.classList.toggle('selected', row.dataset.id === conversationId);
  renderCard(card);
}

function closeCard() {
  state.open = null;
  $('quality-card').hidden = true;
  $('quality-hint').hidden = false;
}

function renderCard(card) {
  const box = $('quality-card');
  box.dataset.id = card.conversationId;
  box.replaceChildren(
    el('div', { class: 'card-head' }, [
      el('h2', { text: `质检评分 Scorecard · ${card.agentName}` }),
      el('span', { class: 'card-score' }, [scoreBadge(card.score), el('span', { class: 'muted', text: ' / 100' })]),
    ]),
    el('p', { class: 'meta' }, [
      el('span', { text: `客户 Customer: ${card.customerName || '—'}` }),
      el('span', { text: `结束 Closed ${when(card.closedAt)}` }),
      el('span', { text: `评分 Rating ${card.rating !== undefined ? `★${card.rating}` : '—'}` }),
      ...card.reasons.map((r) => el('span', { class: 'badge', text: REASONS[r] || r })),
    ]),
    el('ol', { class: 'checklist' }, card.items.map(renderItem)),
    el('h3', { text: '对话记录 Transcript' }),
    el('ol', { class: 'qa-transcript' }, card.transcript.map(renderMessage)),
  );
  box.hidden = false;
  $('quality-hint').hidden = true;
}

function renderItem(item) {
  const outcome = !item.applicable ? 'na' : item.passed ? 'passed' : 'failed';
  const { mark, label } = MARKS[outcome];
  return el('li', { class: outcome, 'data-item': item.id, 'data-outcome': outcome }, [
    el('span', { class: 'mark', role: 'img', 'aria-label': label, title: label, text: mark }),
    el('strong', { class: 'item-label', text: item.label }),
    el('span', { class: 'points', text: item.applicable ? `${item.points} / ${item.max}` : `不计分 n/a (${item.max})` }),
    el('ul', { class: 'evidence' }, item.evidence.map((line) => el('li', { text: line }))),
  ]);
}

function renderMessage(m) {
  const who = m.role === 'agent' && m.agentId ? `${ROLES.agent} ${m.agentId}` : ROLES[m.role] || m.role;
  return el('li', { class: m.role }, [el('small', { text: `${who} · ${when(m.at)}` }), el('span', { text: m.text })]);
}
