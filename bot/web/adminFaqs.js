// The FAQ tab: search, filter and page through the entries; create, edit and delete one.
import { $, api, clearErrors, confirmButton, el, showErrors, toast } from './adminShared.js';
import { auditHref } from './adminAudit.js';

const PAGE = 20;
const state = { offset: 0, total: 0, editing: null, onSaved: null };
const form = () => $('faq-form');

export function initFaqs() {
  $('faq-search').addEventListener('submit', (e) => { e.preventDefault(); state.offset = 0; void loadFaqs(); });
  $('faq-locale').addEventListener('change', () => { state.offset = 0; void loadFaqs(); });
  $('faq-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); void loadFaqs(); });
  $('faq-next').addEventListener('click', () => { state.offset += PAGE; void loadFaqs(); });
  $('faq-new').addEventListener('click', () => openFaqEditor(null));
  $('faq-cancel').addEventListener('click', closeEditor);
  form().addEventListener('submit', (e) => { e.preventDefault(); void saveFaq(); });
}

export async function loadFaqs() {
  const params = new URLSearchParams({ offset: String(state.offset), limit: String(PAGE) });
  const q = $('faq-q').value.trim();
  if (q) params.set('q', q);
  if ($('faq-locale').value) params.set('locale', $('faq-locale').value);
  if ($('faq-category').value.trim()) params.set('category', $('faq-category').value.trim());
  const page = await api(`/api/admin/faqs?${params}`);
  state.total = page.total;
  renderRows(page.items);
  const last = Math.min(state.offset + page.items.length, page.total);
  $('faq-page').textContent = page.total === 0 ? '没有结果 No entries' : `${state.offset + 1}–${last} / ${page.total}`;
  $('faq-prev').disabled = state.offset === 0;
  $('faq-next').disabled = last >= page.total;
  const categories = $('faq-categories');
  const known = new Set([...categories.options].map((o) => o.value));
  for (const item of page.items) {
    if (item.category && !known.has(item.category)) { known.add(item.category); categories.append(el('option', { value: item.category })); }
  }
}

function renderRows(items) {
  const rows = $('faq-rows');
  rows.textContent = '';
  for (const item of items) {
    rows.append(el('tr', { 'data-id': item.id, class: item.id === state.editing ? 'selected' : undefined }, [
      el('td', { class: 'id', text: item.id }),
      el('td', { text: item.locale }),
      el('td', { text: item.category || '' }),
      el('td', { text: item.question, title: item.answer }),
      el('td', { text: String(item.alternates.length) }),
      el('td', { class: 'actions-cell' }, [
        el('button', { type: 'button', class: 'link', text: '编辑 Edit', 'data-edit': item.id, onclick: () => openFaqEditor(item) }),
        confirmButton('删除 Delete', '确认删除? Confirm', () => void deleteFaq(item.id)),
      ]),
    ]));
  }
}

/**
 * Opens the editor: on `entry` (an existing one), or a new entry prefilled with `draft`.
 * `onSaved(stored)` runs after a successful save (the inbox uses it to file the question).
 */
export function openFaqEditor(entry, { draft = {}, note = '', onSaved = null } = {}) {
  const f = form();
  clearErrors(f);
  state.editing = entry ? entry.id : null;
  state.onSaved = onSaved;
  const value = entry || { id: '', locale: 'zh-CN', question: '', alternates: [], answer: '', ...draft };
  $('faq-form-title').textContent = entry ? `编辑 Edit ${entry.id}` : '新建 New FAQ';
  // An existing entry's history: the audit tab filtered to it.
  $('faq-history').hidden = !entry;
  $('faq-history').href = entry ? auditHref('faq', entry.id) : '#audit';
  $('faq-form-note').textContent = note;
  $('faq-form-note').hidden = !note;
  f.elements.id.value = value.id || '';
  f.elements.id.readOnly = Boolean(entry);
  f.elements.locale.value = value.locale;
  f.elements.question.value = value.question;
  f.elements.alternates.value = (value.alternates || []).join('\n');
  f.elements.answer.value = value.answer;
  f.elements.category.value = value.category || '';
  f.elements.tags.value = (value.tags || []).join(', ');
  f.hidden = false;
  for (const row of $('faq-rows').querySelectorAll('tr')) row.classList.toggle('selected', row.dataset.id === state.editing);
  (entry ? f.elements.answer : f.elements.question).focus();
}

function closeEditor() {
  form().hidden = true;
  state.editing = null;
  state.onSaved = null;
  for (const row of $('faq-rows').querySelectorAll('tr.selected')) row.classList.remove('selected');
}

const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

function draftFromForm(f) {
  const tags = f.elements.tags.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  const draft = {
    locale: f.elements.locale.value,
    question: f.elements.question.value,
    alternates: lines(f.elements.alternates.value),
    answer: f.elements.answer.value,
  };
  if (f.elements.id.value.trim()) draft.id = f.elements.id.value.trim();
  if (f.elements.category.value.trim()) draft.category = f.elements.category.value.trim();
  if (tags.length > 0) draft.tags = tags;
  return draft;
}

async function saveFaq() {
  const f = form();
  clearErrors(f);
  const draft = draftFromForm(f);
  const id = state.editing;
  let stored;
  try {
    stored = id
      ? await api(`/api/admin/faqs/${encodeURIComponent(id)}`, { method: 'PUT', body: draft })
      : await api('/api/admin/faqs', { method: 'POST', body: draft });
  } catch (err) {
    showErrors(f, err);
    return;
  }
  const onSaved = state.onSaved;
  closeEditor();
  toast(id ? `已保存 Saved ${stored.id}` : `已新建 Created ${stored.id}`);
  if (onSaved) await onSaved(stored);
  await loadFaqs();
}

async function deleteFaq(id) {
  try {
    await api(`/api/admin/faqs/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch (err) {
    toast(err.message);
    return;
  }
  if (state.editing === id) closeEditor();
  toast(`已删除 Deleted ${id}`);
  await loadFaqs();
}

/** Opens an entry by id (from another tab). */
export async function editFaqById(id) {
  openFaqEditor(await api(`/api/admin/faqs/${encodeURIComponent(id)}`));
}
