// The banned-phrase (禁用语) tab: the list agents' replies are checked against; edits apply at once.
import { $, api, clearErrors, confirmButton, el, showErrors, toast } from './adminShared.js';

const state = { items: [], editing: null };
const form = () => $('phrase-form');

export function initPhrases() {
  $('phrase-q').addEventListener('input', render);
  $('phrase-locale').addEventListener('change', render);
  $('phrase-new').addEventListener('click', () => openEditor(null));
  $('phrase-cancel').addEventListener('click', closeEditor);
  form().addEventListener('submit', (e) => { e.preventDefault(); void save(); });
}

export async function loadPhrases() {
  state.items = (await api('/api/admin/banned-phrases')).items;
  render();
}

function render() {
  const q = $('phrase-q').value.trim().toLowerCase();
  const locale = $('phrase-locale').value;
  const rows = $('phrase-rows');
  rows.textContent = '';
  const shown = state.items
    .filter((p) => (!locale || p.locale === locale) && (!q || `${p.phrase} ${p.suggestion} ${p.category}`.toLowerCase().includes(q)))
    // Chinese first, then by category and phrase.
    .sort((a, b) => b.locale.localeCompare(a.locale) || a.category.localeCompare(b.category) || a.phrase.localeCompare(b.phrase));
  const categoryLabel = (c) => form().querySelector(`[name=category] option[value="${CSS.escape(c)}"]`)?.textContent ?? c;
  for (const p of shown) {
    rows.append(el('tr', { 'data-id': p.id, class: p.id === state.editing ? 'selected' : undefined }, [
      el('td', { text: p.locale }),
      el('td', { text: categoryLabel(p.category) }),
      el('td', { text: p.phrase }),
      el('td', { text: p.suggestion }),
      el('td', { class: 'actions-cell' }, [
        el('button', { type: 'button', class: 'link', text: '编辑 Edit', onclick: () => openEditor(p) }),
        confirmButton('删除 Delete', '确认删除? Confirm', () => void remove(p.id)),
      ]),
    ]));
  }
}

function openEditor(phrase) {
  const f = form();
  clearErrors(f);
  state.editing = phrase ? phrase.id : null;
  const value = phrase || { id: '', locale: 'zh-CN', category: 'flatRefusal', phrase: '', suggestion: '', allow: [] };
  $('phrase-form-title').textContent = phrase ? `编辑 Edit ${phrase.phrase}` : '新增 New phrase';
  f.elements.id.value = value.id;
  f.elements.id.readOnly = Boolean(phrase);
  f.elements.locale.value = value.locale;
  f.elements.category.value = value.category;
  f.elements.phrase.value = value.phrase;
  f.elements.suggestion.value = value.suggestion;
  f.elements.allow.value = (value.allow || []).join('\n');
  f.hidden = false;
  render();
  f.elements.phrase.focus();
}

function closeEditor() {
  form().hidden = true;
  state.editing = null;
  render();
}

async function save() {
  const f = form();
  clearErrors(f);
  const allow = f.elements.allow.value.split('\n').map((s) => s.trim()).filter(Boolean);
  const draft = { locale: f.elements.locale.value, category: f.elements.category.value, phrase: f.elements.phrase.value, suggestion: f.elements.suggestion.value };
  if (allow.length > 0) draft.allow = allow;
  if (f.elements.id.value.trim()) draft.id = f.elements.id.value.trim();
  const id = state.editing;
  try {
    await (id
      ? api(`/api/admin/banned-phrases/${encodeURIComponent(id)}`, { method: 'PUT', body: draft })
      : api('/api/admin/banned-phrases', { method: 'POST', body: draft }));
  } catch (err) {
    showErrors(f, err);
    return;
  }
  closeEditor();
  toast(`已保存 Saved “${draft.phrase.trim()}”`);
  await loadPhrases();
}

async function remove(id) {
  try {
    await api(`/api/admin/banned-phrases/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch (err) {
    toast(err.message);
    return;
  }
  if (state.editing === id) closeEditor();
  toast('已删除 Deleted');
  await loadPhrases();
}
