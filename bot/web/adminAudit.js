// The audit log tab (审计): who changed which FAQ entry, script, banned phrase or customer list,
// when and how. A change opens as its record before and after, side by side; an FAQ change that
// left an earlier version behind can put the entry back to it.
import { $, api, confirmButton, el, formatTime, toast } from './adminShared.js';

const PAGE = 20;
const COLUMNS = 6;
const ENTITIES = { faq: '常见问题 FAQ', script: '话术 Script', bannedPhrase: '禁用语 Banned phrase', customer: '客户 Customers' };
const ACTIONS = { create: '新建 Created', update: '修改 Updated', delete: '删除 Deleted', import: '导入 Imported', restore: '恢复 Restored' };
/** FAQ changes with an earlier version to go back to (a creation has none). */
const RESTORABLE = new Set(['update', 'delete', 'restore']);

const state = { offset: 0, total: 0, open: new Set(), seq: 0 };

/** The address of this tab filtered to one record, such as an FAQ entry's history. */
export function auditHref(entity, entityId) {
  const params = new URLSearchParams();
  if (entity) params.set('entity', entity);
  if (entityId) params.set('entityId', entityId);
  const query = params.toString();
  return query ? `#audit?${query}` : '#audit';
}

const reload = () => loadAudit().catch((err) => { if (err.status !== 401) toast(err.message); });

export function initAudit() {
  $('audit-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    state.offset = 0;
    // Keep the address in step with the filter (a reload or a shared link shows the same), without a second load.
    history.replaceState(null, '', auditHref($('audit-entity').value, $('audit-entity-id').value.trim()));
    void reload();
  });
  $('audit-entity').addEventListener('change', () => $('audit-filter').requestSubmit());
  $('audit-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); void reload(); });
  $('audit-next').addEventListener('click', () => { state.offset += PAGE; void reload(); });
}

/** Loads the current page; `params` (from the address, when the tab is opened) set the filter first. */
export async function loadAudit(params) {
  if (params) {
    const entity = params.get('entity') ?? '';
    $('audit-entity').value = Object.hasOwn(ENTITIES, entity) ? entity : '';
    $('audit-entity-id').value = params.get('entityId') ?? '';
    state.offset = 0;
  }
  const query = new URLSearchParams({ offset: String(state.offset), limit: String(PAGE) });
  if ($('audit-entity').value) query.set('entity', $('audit-entity').value);
  if ($('audit-entity-id').value.trim()) query.set('entityId', $('audit-entity-id').value.trim());
  // Only the latest request may draw: a slow earlier page must not replace a newer filter's.
  const seq = ++state.seq;
  const page = await api(`/api/admin/audit?${query}`);
  if (seq !== state.seq) return;
  state.total = page.total;
  renderRows(page.items);
  const last = Math.min(state.offset + page.items.length, page.total);
  $('audit-page').textContent = page.total === 0 ? '' : `${state.offset + 1}–${last} / ${page.total}`;
  $('audit-empty').hidden = page.total > 0;
  $('audit-prev').disabled = state.offset === 0;
  $('audit-next').disabled = last >= page.total;
}

function renderRows(items) {
  const rows = $('audit-rows');
  rows.replaceChildren();
  for (const item of items) {
    const details = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false', text: '详情 Details' });
    const row = el('tr', { class: 'clickable', 'data-id': item.id, 'data-action': item.action, 'data-entity-id': item.entityId }, [
      el('td', { class: 'when', text: formatTime(Date.parse(item.at)) }),
      el('td', { class: 'actor', text: item.actor }),
      el('td', { text: ENTITIES[item.entity] || item.entity }),
      el('td', { class: 'id', text: item.entityId }),
      el('td', {}, [el('span', { class: `badge ${item.action}`, text: ACTIONS[item.action] || item.action })]),
      el('td', { class: 'actions-cell' }, [details]),
    ]);
    row.addEventListener('click', () => toggle(item, row, details));
    rows.append(row);
    if (state.open.has(item.id)) expand(item, row, details);
  }
}

function toggle(item, row, button) {
  const shown = row.nextElementSibling;
  if (shown && shown.dataset.detailFor === item.id) {
    shown.remove();
    state.open.delete(item.id);
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  state.open.add(item.id);
  expand(item, row, button);
}

function expand(item, row, button) {
  const cell = el('td', { colspan: String(COLUMNS) }, [summary(item), diffTable(item.before, item.after)]);
  if (item.entity === 'faq' && RESTORABLE.has(item.action) && item.before !== undefined) cell.append(restoreBar(item));
  row.after(el('tr', { class: 'audit-detail', 'data-detail-for': item.id }, [cell]));
  button.setAttribute('aria-expanded', 'true');
}

function summary(item) {
  const line = item.before === undefined ? '新建，之前没有这条记录 Created: nothing before it.'
    : item.after === undefined ? '删除，之后没有这条记录 Deleted: nothing after it.'
      : '高亮的字段有变化 Highlighted fields changed.';
  return el('p', { class: 'note', text: `${item.actor} · ${formatTime(Date.parse(item.at))} · ${line}` });
}

const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A side of the change as fields: a record as it is, anything else as one `value`. */
const fieldsOf = (v) => (v === undefined ? {} : isRecord(v) ? v : { value: v });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The record before and after, one row per top-level field; fields that differ are highlighted. */
function diffTable(before, after) {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const both = before !== undefined && after !== undefined;
  return el('table', { class: 'diff' }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: '字段 Field' }), el('th', { text: '之前 Before' }), el('th', { text: '之后 After' })])]),
    el('tbody', {}, keys.map((key) => {
      const changed = both && !same(b[key], a[key]);
      return el('tr', { 'data-field': key, class: changed ? 'changed' : undefined }, [
        el('th', { scope: 'row', text: key }),
        el('td', { class: 'before' }, [shown(key, b[key], before === undefined)]),
        el('td', { class: 'after' }, [shown(key, a[key], after === undefined)]),
      ]);
    })),
  ]);
}

/** A value as text (never markup): strings as written, times readable, anything else as JSON. */
function shown(key, value, sideMissing) {
  if (value === undefined) return el('span', { class: 'muted', text: sideMissing ? '' : '—' });
  const text = typeof value === 'string' ? value
    : typeof value === 'number' && /At$/u.test(key) ? formatTime(value)
      : JSON.stringify(value, null, 2);
  return el('pre', { text });
}

function restoreBar(item) {
  const button = confirmButton('恢复到此前版本 Restore this earlier version', '确认恢复? Confirm restore', (b) => void restore(item, b));
  button.dataset.restore = item.id;
  return el('div', { class: 'actions left' }, [
    button,
    el('span', { class: 'note', text: `把 ${item.entityId} 恢复为“之前”一栏的内容 Puts ${item.entityId} back as the Before column shows.` }),
  ]);
}

async function restore(item, button) {
  button.disabled = true;
  let entry;
  try {
    entry = await api(`/api/admin/faqs/${encodeURIComponent(item.entityId)}/restore`, { method: 'POST', body: { auditId: item.id } });
  } catch (err) {
    button.disabled = false;
    if (err.status !== 401) toast(err.message);
    return;
  }
  state.open.delete(item.id);
  toast(`已恢复 Restored ${entry.id}`);
  await reload();
}
