// The unanswered-questions inbox: each group becomes an alternate of an entry, a new entry, or is dismissed.
import { $, api, el, formatTime, showTab, toast } from './adminShared.js';
import { openFaqEditor } from './adminFaqs.js';

const REASONS = { noMatch: '没答上 not answered', unhelpful: '答案没帮助 unhelpful', humanRequested: '要人工 asked for a person' };

export async function loadInbox() {
  const { items } = await api('/api/admin/unanswered?limit=200');
  $('inbox-count').textContent = items.length > 0 ? String(items.length) : '';
  const list = $('inbox-list');
  list.textContent = '';
  for (const group of items) list.append(renderGroup(group));
  $('inbox-empty').hidden = items.length > 0;
}

function renderGroup(group) {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const picker = el('select', { 'aria-label': '建议的 FAQ Suggested FAQ' },
    group.suggestions.map((s) => el('option', { value: s.id, text: `${s.question} (${s.id}, ${s.score.toFixed(2)})` })));
  if (group.suggestions.length === 0) picker.append(el('option', { value: '', text: '没有建议 No suggestion' }));
  const other = el('input', { placeholder: '或输入 FAQ ID / or an FAQ id', 'aria-label': 'FAQ ID' });
  const chosen = () => other.value.trim() || picker.value;
  const fail = (message) => { error.textContent = message; error.hidden = false; };

  const addAlternate = async () => {
    if (!chosen()) return fail('请选择一个 FAQ。 Pick an FAQ entry.');
    try {
      const r = await resolve(group, { action: 'addAlternate', faqId: chosen() });
      toast(`已加为 ${r.faq.id} 的相似问法，${r.resolved} 条移出收件箱 Added to ${r.faq.id}; ${r.resolved} left the inbox`);
      await loadInbox();
    } catch (err) {
      fail(err.message);
    }
  };
  const createFaq = () => {
    showTab('faqs');
    openFaqEditor(null, {
      draft: { locale: group.locale, question: group.text },
      note: `来自未解答收件箱（${group.count} 次） From the inbox (asked ${group.count}×). 保存后移出收件箱 Saving takes it out of the inbox.`,
      onSaved: async (stored) => {
        try {
          await resolve(group, { action: 'linkFaq', faqId: stored.id });
        } catch (err) {
          toast(err.message);
        }
        await loadInbox();
      },
    });
  };
  const dismiss = async () => {
    try {
      await resolve(group, { action: 'dismiss' });
      toast('已忽略 Dismissed');
      await loadInbox();
    } catch (err) {
      fail(err.message);
    }
  };

  return el('li', { 'data-normalized': group.normalized, 'data-locale': group.locale }, [
    el('div', { class: 'question' }, [el('span', { text: group.text }), el('span', { class: 'times', text: `×${group.count}` })]),
    el('div', { class: 'meta' }, [
      el('span', { class: 'badge', text: group.locale }),
      ...group.reasons.map((r) => el('span', { class: 'badge', text: REASONS[r] || r })),
      el('span', { text: `最近 Last asked ${formatTime(group.lastAskedAt)}` }),
    ]),
    el('div', { class: 'resolve' }, [
      picker,
      other,
      el('button', { type: 'button', 'data-action': 'addAlternate', text: '加为相似问法 Add as alternate', onclick: () => void addAlternate() }),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'createFaq', text: '新建 FAQ Create FAQ', onclick: createFaq }),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'dismiss', text: '忽略 Dismiss', onclick: () => void dismiss() }),
    ]),
    error,
  ]);
}

function resolve(group, resolution) {
  return api('/api/admin/unanswered/resolve', { method: 'POST', body: { locale: group.locale, normalized: group.normalized, ...resolution } });
}
