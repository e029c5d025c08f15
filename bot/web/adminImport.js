// The import/export tab: a dry run shows what an import would change before it is applied.
import { $, api, el, readFile, showIssues, toast } from './adminShared.js';

const CONTENT_TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8', 'qna-tsv': 'text/tab-separated-values; charset=utf-8' };
const EXTENSIONS = { json: 'json', csv: 'csv', 'qna-tsv': 'tsv' };
const ACTIONS = { create: '新增 create', update: '更新 update', delete: '删除 delete' };

/** What was previewed; Apply is offered only while the inputs still say the same. */
let previewed = null;
const current = () => ({ format: $('import-format').value, mode: $('import-mode').value, text: $('import-text').value });
const sameAsPreviewed = () => previewed !== null && JSON.stringify(current()) === JSON.stringify(previewed);

export function initImport() {
  $('import-file').addEventListener('change', async () => {
    const file = await readFile($('import-file'));
    if (!file) return;
    const ext = file.name.toLowerCase().split('.').pop();
    if (ext === 'csv') $('import-format').value = 'csv';
    else if (ext === 'tsv') $('import-format').value = 'qna-tsv';
    else if (ext === 'json') $('import-format').value = 'json';
    $('import-text').value = file.text;
    inputsChanged();
  });
  for (const id of ['import-format', 'import-mode', 'import-text']) $(id).addEventListener('input', inputsChanged);
  $('import-form').addEventListener('submit', (e) => { e.preventDefault(); void run(true); });
  $('import-apply').addEventListener('click', () => void run(false));
  for (const button of document.querySelectorAll('[data-export]')) button.addEventListener('click', () => void download(button.dataset.export));
}

function inputsChanged() {
  $('import-apply').disabled = !sameAsPreviewed();
}

async function run(dryRun) {
  const input = current();
  $('import-errors').hidden = true;
  if (!input.text.trim()) {
    showIssues($('import-errors'), { message: '请选择文件或粘贴内容。 Choose a file or paste its contents.' });
    return;
  }
  const params = new URLSearchParams({ format: input.format, mode: input.mode });
  if (dryRun) params.set('dryRun', 'true');
  let result;
  try {
    result = await api(`/api/admin/faqs/import?${params}`, { method: 'POST', raw: input.text, contentType: CONTENT_TYPES[input.format] });
  } catch (err) {
    previewed = null;
    inputsChanged();
    showIssues($('import-errors'), err);
    return;
  }
  if (dryRun) {
    previewed = input;
    renderPreview(result);
  } else {
    previewed = null;
    $('import-summary').textContent = `已导入 Imported ${result.imported}: 新增 created ${result.created}, 更新 updated ${result.updated}, 删除 deleted ${result.deleted}.`;
    $('import-changes-table').hidden = true;
    toast(`已导入 Imported ${result.imported}`);
  }
  inputsChanged();
}

function renderPreview(p) {
  const updates = p.updated - p.unchanged;
  $('import-summary').textContent =
    `预览（尚未写入） Preview, nothing written yet: ${p.imported} 条 entries — 新增 create ${p.created}, 更新 update ${updates}, ` +
    `不变 unchanged ${p.unchanged}, 删除 delete ${p.deleted}.` +
    (p.changesTotal > p.changes.length ? ` 仅显示前 ${p.changes.length} 项 Showing the first ${p.changes.length} of ${p.changesTotal} changes.` : '');
  const rows = $('import-changes');
  rows.textContent = '';
  for (const c of p.changes) {
    rows.append(el('tr', { 'data-action': c.action }, [
      el('td', {}, [el('span', { class: `badge ${c.action}`, text: ACTIONS[c.action] })]),
      el('td', { class: 'id', text: c.id }),
      el('td', { text: c.question }),
      el('td', { text: (c.fields || []).join(', ') }),
    ]));
  }
  $('import-changes-table').hidden = p.changes.length === 0;
}

async function download(format) {
  try {
    const blob = await api(`/api/admin/faqs/export?format=${format}`, { blob: true });
    const link = el('a', { href: URL.createObjectURL(blob), download: `faqs.${EXTENSIONS[format]}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (err) {
    toast(err.message);
  }
}
