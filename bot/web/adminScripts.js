// The reply-script (话术) tab: list and filter the library agents get suggestions from; create,
// edit and delete scripts with a live preview of the filled text. Edits apply to the next suggestion.
import { $, api, clearErrors, confirmButton, el, showErrors, toast } from './adminShared.js';

// The server's lists (scripts/replyScripts.ts), with labels for people; the server checks them again.
const STAGES = [
  ['greeting', '问候 Greeting'], ['confirmNeed', '确认需求 Confirm the need'], ['answer', '解答 Answer'],
  ['confirmSolution', '确认方案 Confirm the solution'], ['thanks', '致谢总结 Thanks'], ['followUp', '跟进 Follow-up'],
];
const SCENARIOS = [
  ...STAGES,
  ['complaint', '投诉安抚 Complaint'], ['collectDetails', '收集信息 Collect details'], ['askToWait', '请稍候 Ask to wait'],
  ['transfer', '转接 Transfer'], ['refund', '退款 Refund'], ['return', '退货 Return'], ['deliveryDelay', '物流延迟 Delivery delay'],
  ['bargaining', '议价 Bargaining'], ['outOfStock', '缺货 Out of stock'], ['closing', '结束语 Closing'],
];
const VARIABLES = ['customerName', 'agentName', 'orderId', 'eta'];
/** Sample values for the preview; the order id is read as "订单 X" / "order X", as the server fills it. */
const SAMPLES = {
  'zh-CN': { customerName: '王女士', agentName: '小美', orderId: '订单A1001', eta: '24小时内' },
  'en-US': { customerName: 'Ms. Wang', agentName: 'Amy', orderId: 'order A1001', eta: 'within 24 hours' },
};
const PLACEHOLDER = /\{([^{}]*)\}/g;

const state = { editing: null };
const form = () => $('script-form');
const labelOf = (list, value) => (list.find(([v]) => v === value) || [value, value])[1];

export function initScripts() {
  const options = (list) => list.map(([value, label]) => el('option', { value, text: label }));
  $('script-stage').append(...options(STAGES));
  $('script-scenario').append(...options(SCENARIOS));
  form().elements.stage.append(...options(STAGES));
  form().elements.scenario.append(...options(SCENARIOS));
  $('script-vars').append(...VARIABLES.map((name) =>
    el('button', { type: 'button', class: 'secondary', text: `{${name}}`, onclick: () => insertVariable(name) })));

  const reload = () => loadScripts().catch((err) => { if (err.status !== 401) toast(err.message); });
  $('script-search').addEventListener('submit', (e) => { e.preventDefault(); void reload(); });
  for (const id of ['script-locale', 'script-stage', 'script-scenario']) $(id).addEventListener('change', () => void reload());
  $('script-new').addEventListener('click', () => openEditor(null));
  $('script-cancel').addEventListener('click', closeEditor);
  for (const name of ['text', 'locale']) form().elements[name].addEventListener('input', renderPreview);
  form().addEventListener('submit', (e) => { e.preventDefault(); void save(); });
}

export async function loadScripts() {
  const params = new URLSearchParams();
  for (const [key, id] of [['q', 'script-q'], ['locale', 'script-locale'], ['stage', 'script-stage'], ['scenario', 'script-scenario']]) {
    const value = $(id).value.trim();
    if (value) params.set(key, value);
  }
  const { items } = await api(`/api/admin/scripts?${params}`);
  $('script-count').textContent = items.length === 0 ? '没有符合条件的话术 No scripts match.' : `${items.length} 条 scripts`;
  const rows = $('script-rows');
  rows.textContent = '';
  for (const s of items) {
    rows.append(el('tr', { 'data-id': s.id, class: s.id === state.editing ? 'selected' : undefined }, [
      el('td', { class: 'id', text: s.id }),
      el('td', { text: s.locale }),
      // The stage only when it is not the scenario itself (greeting, answer, ...).
      el('td', {}, [el('span', { text: labelOf(SCENARIOS, s.scenario) }), s.stage !== s.scenario && el('br'), s.stage !== s.scenario && el('span', { class: 'note', text: labelOf(STAGES, s.stage) })]),
      el('td', { text: s.text, title: (s.keywords || []).join(', ') }),
      el('td', { class: 'actions-cell' }, [
        el('button', { type: 'button', class: 'link', text: '编辑 Edit', 'data-edit': s.id, onclick: () => openEditor(s) }),
        confirmButton('删除 Delete', '确认删除? Confirm', () => void remove(s.id)),
      ]),
    ]));
  }
}

function openEditor(script) {
  const f = form();
  clearErrors(f);
  state.editing = script ? script.id : null;
  const value = script || { id: '', locale: $('script-locale').value || 'zh-CN', scenario: $('script-scenario').value || 'greeting', stage: '', text: '', keywords: [] };
  $('script-form-title').textContent = script ? `编辑 Edit ${script.id}` : '新增话术 New script';
  f.elements.id.value = value.id;
  f.elements.id.readOnly = Boolean(script);
  f.elements.locale.value = value.locale;
  f.elements.scenario.value = value.scenario;
  f.elements.stage.value = value.stage;
  f.elements.text.value = value.text;
  f.elements.keywords.value = (value.keywords || []).join(', ');
  f.hidden = false;
  for (const row of $('script-rows').querySelectorAll('tr')) row.classList.toggle('selected', row.dataset.id === state.editing);
  renderPreview();
  f.elements.text.focus();
}

function closeEditor() {
  form().hidden = true;
  state.editing = null;
  for (const row of $('script-rows').querySelectorAll('tr.selected')) row.classList.remove('selected');
}

function insertVariable(name) {
  const text = form().elements.text;
  const at = text.selectionStart ?? text.value.length;
  text.setRangeText(`{${name}}`, at, text.selectionEnd ?? at, 'end');
  text.focus();
  renderPreview();
}

/** The text as an agent would see it, filled with sample values (the server's rules, in short). */
function fill(text, locale) {
  const samples = SAMPLES[locale] || SAMPLES['zh-CN'];
  const filled = text.replace(PLACEHOLDER, (match, name, offset, whole) => {
    if (!Object.hasOwn(samples, name)) return match;
    const value = samples[name];
    const sentenceStart = locale === 'en-US' && /(?:^|[.!?]\s+)$/.test(whole.slice(0, offset));
    return sentenceStart ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
  return filled.trim();
}

function renderPreview() {
  const f = form();
  const text = f.elements.text.value;
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !VARIABLES.includes(name));
  const unbalanced = /[{}]/.test(text.replace(PLACEHOLDER, ''));
  $('script-preview').textContent = text.trim() ? fill(text, f.elements.locale.value) : '（空 empty）';
  const warnings = [];
  if (unknown.length > 0) warnings.push(`未知变量 Unknown variable: ${unknown.map((n) => `{${n}}`).join(' ')}`);
  if (unbalanced) warnings.push('括号不成对 Unbalanced brace');
  $('script-preview-warning').textContent = warnings.join('; ');
  $('script-preview-warning').hidden = warnings.length === 0;
}

function draftFromForm(f) {
  const keywords = f.elements.keywords.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  const draft = { locale: f.elements.locale.value, scenario: f.elements.scenario.value, text: f.elements.text.value };
  if (f.elements.stage.value) draft.stage = f.elements.stage.value;
  if (keywords.length > 0) draft.keywords = keywords;
  if (!state.editing && f.elements.id.value.trim()) draft.id = f.elements.id.value.trim();
  return draft;
}

async function save() {
  const f = form();
  clearErrors(f);
  const id = state.editing;
  let stored;
  try {
    stored = id
      ? await api(`/api/admin/scripts/${encodeURIComponent(id)}`, { method: 'PUT', body: draftFromForm(f) })
      : await api('/api/admin/scripts', { method: 'POST', body: draftFromForm(f) });
  } catch (err) {
    showErrors(f, err);
    return;
  }
  closeEditor();
  toast(id ? `已保存 Saved ${stored.id}` : `已新增 Created ${stored.id}`);
  await loadScripts();
}

async function remove(id) {
  try {
    await api(`/api/admin/scripts/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch (err) {
    toast(err.message);
    return;
  }
  if (state.editing === id) closeEditor();
  toast(`已删除 Deleted ${id}`);
  await loadScripts();
}
