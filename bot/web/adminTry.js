// The "try a question" tab: what the bot would do with a question, and why.
import { $, api, clearErrors, el, showErrors, showTab } from './adminShared.js';
import { editFaqById } from './adminFaqs.js';

const VERDICTS = {
  answer: '会直接回答 The bot would answer',
  ambiguous: '会反问“您是想问…” The bot would ask "Did you mean…"',
  noMatch: '不会回答，问题会进入未解答收件箱 The bot would not answer; the question goes to the inbox',
};
const REASONS = {
  answered: '用作回答 Used as the answer',
  outranked: '不如第一名 Outranked by the answer',
  tooClose: '与其他候选太接近 Too close to the runner-up',
  belowAnswerThreshold: '低于回答阈值 Below the answer threshold',
  belowSuggestThreshold: '低于建议阈值，不显示 Below the suggestion threshold, not shown',
};

export function initTry() {
  $('try-form').addEventListener('submit', (e) => { e.preventDefault(); void ask(); });
}

async function ask() {
  const body = { text: $('try-text').value };
  if ($('try-locale').value) body.locale = $('try-locale').value;
  let result;
  try {
    result = await api('/api/admin/match', { method: 'POST', body });
  } catch (err) {
    showErrors($('try-form'), err);
    $('try-result').hidden = true;
    return;
  }
  clearErrors($('try-form'));
  render(result);
}

const fixed = (n) => Number(n).toFixed(2);

function render(r) {
  const t = r.thresholds;
  $('try-verdict').textContent = VERDICTS[r.decision];
  $('try-verdict').className = `verdict ${r.decision}`;
  $('try-answer').textContent = r.answerText || '';
  $('try-answer').hidden = !r.answerText;
  const [first, second] = r.candidates;
  const lead = first && second ? ` · 领先 Lead ${fixed(first.score - second.score)}` : '';
  $('try-thresholds').textContent =
    `${r.locale} · 回答阈值 Answer ≥ ${fixed(t.answer)} · 建议阈值 Suggest ≥ ${fixed(t.suggest)} · 须领先 Margin ≥ ${fixed(t.margin)}${lead}`;
  const rows = $('try-candidates');
  rows.textContent = '';
  r.candidates.forEach((c, i) => {
    rows.append(el('tr', { 'data-id': c.id, 'data-reason': c.reason }, [
      el('td', { text: String(i + 1) }),
      el('td', { class: 'id' }, [el('button', { type: 'button', class: 'link', text: c.id, onclick: () => { showTab('faqs'); void editFaqById(c.id); } })]),
      el('td', { text: c.question }),
      el('td', { text: c.matchedText }),
      el('td', {}, [el('span', { class: 'score' }, [
        el('span', { class: 'bar' }, [el('span', { style: `width:${Math.round(c.score * 100)}%` })]),
        el('span', { text: fixed(c.score) }),
      ])]),
      el('td', {}, [el('span', { class: `badge ${c.reason}`, text: REASONS[c.reason] || c.reason })]),
    ]));
  });
  if (r.candidates.length === 0) rows.append(el('tr', {}, [el('td', { colspan: '6', text: '没有候选 No candidates' })]));
  $('try-result').hidden = false;
}
