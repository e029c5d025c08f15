// The customer directory tab: browse by tier, import a JSON or CSV file (all or nothing).
import { $, api, el, formatTime, readFile, showIssues, toast } from './adminShared.js';

const PAGE = 20;
const TIERS = { regular: '普通 regular', silver: '白银 silver', gold: '黄金 gold', diamond: '钻石 diamond' };
const state = { offset: 0, fileName: '' };

export function initCustomers() {
  $('customer-search').addEventListener('submit', (e) => { e.preventDefault(); state.offset = 0; void loadCustomers(); });
  $('customer-tier').addEventListener('change', () => { state.offset = 0; void loadCustomers(); });
  $('customer-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); void loadCustomers(); });
  $('customer-next').addEventListener('click', () => { state.offset += PAGE; void loadCustomers(); });
  $('customer-file').addEventListener('change', async () => {
    const file = await readFile($('customer-file'));
    if (!file) return;
    state.fileName = file.name;
    $('customer-text').value = file.text;
  });
  $('customer-import').addEventListener('submit', (e) => { e.preventDefault(); void importCustomers(); });
}

export async function loadCustomers() {
  const params = new URLSearchParams({ offset: String(state.offset), limit: String(PAGE) });
  if ($('customer-q').value.trim()) params.set('q', $('customer-q').value.trim());
  if ($('customer-tier').value) params.set('tier', $('customer-tier').value);
  const page = await api(`/api/admin/customers?${params}`);
  const rows = $('customer-rows');
  rows.textContent = '';
  for (const c of page.items) {
    rows.append(el('tr', { 'data-id': c.id }, [
      el('td', { class: 'id', text: c.id }),
      el('td', { text: c.name }),
      el('td', {}, [el('span', { class: `badge ${c.tier}`, text: TIERS[c.tier] || c.tier })]),
      el('td', { text: c.lifetimeValue.toLocaleString('zh-CN') }),
      el('td', { text: formatTime(c.updatedAt) }),
    ]));
  }
  const last = Math.min(state.offset + page.items.length, page.total);
  $('customer-page').textContent = page.total === 0 ? '没有客户 No customers' : `${state.offset + 1}–${last} / ${page.total}`;
  $('customer-prev').disabled = state.offset === 0;
  $('customer-next').disabled = last >= page.total;
}

async function importCustomers() {
  const text = $('customer-text').value;
  $('customer-errors').hidden = true;
  if (!text.trim()) {
    showIssues($('customer-errors'), { message: '请选择文件或粘贴内容。 Choose a file or paste its contents.' });
    return;
  }
  const csv = state.fileName.toLowerCase().endsWith('.csv') || !text.trim().startsWith('[');
  try {
    const r = await api('/api/admin/customers/import', { method: 'POST', raw: text, contentType: csv ? 'text/csv; charset=utf-8' : 'application/json' });
    toast(`已导入 Imported ${r.imported}: 新增 created ${r.created}, 更新 updated ${r.updated}`);
    state.offset = 0;
    await loadCustomers();
  } catch (err) {
    showIssues($('customer-errors'), err);
  }
}
