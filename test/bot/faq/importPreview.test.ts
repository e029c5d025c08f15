import { expect } from 'chai';
import type { FaqEntry } from '../../../knowledge/faqEntry.js';
import { changedFields, previewImport } from '../../../bot/faq/importPreview.js';

const entry = (id: string, extra: Partial<FaqEntry> = {}): FaqEntry => ({ id, locale: 'zh-CN', question: `问题${id}`, alternates: [], answer: `答案${id}`, ...extra });
const stored = [entry('a', { category: 'refund' }), entry('b', { tags: ['x'] }), entry('c')];

describe('previewImport', () => {
  const cases: Array<{ name: string; incoming: FaqEntry[]; mode: 'merge' | 'replace'; counts: Record<string, number>; changes: Array<[string, string, string[]?]> }> = [
    {
      name: 'an identical file changes nothing',
      incoming: stored,
      mode: 'merge',
      counts: { imported: 3, created: 0, updated: 3, deleted: 0, unchanged: 3 },
      changes: [],
    },
    {
      name: 'a new id is a create, an edited answer an update naming the field',
      incoming: [entry('a', { category: 'refund', answer: '新答案' }), entry('d')],
      mode: 'merge',
      counts: { imported: 2, created: 1, updated: 1, deleted: 0, unchanged: 0 },
      changes: [['a', 'update', ['answer']], ['d', 'create']],
    },
    {
      name: 'replace deletes what the file lacks, after the creates and updates',
      incoming: [entry('c', { alternates: ['别的问法'], locale: 'en-US' })],
      mode: 'replace',
      counts: { imported: 1, created: 0, updated: 1, deleted: 2, unchanged: 0 },
      changes: [['c', 'update', ['locale', 'alternates']], ['a', 'delete'], ['b', 'delete']],
    },
    {
      name: 'merge never deletes',
      incoming: [entry('z')],
      mode: 'merge',
      counts: { imported: 1, created: 1, updated: 0, deleted: 0, unchanged: 0 },
      changes: [['z', 'create']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const preview = previewImport(stored, c.incoming, c.mode);
      expect(preview).to.include({ ...c.counts, dryRun: true, changesTotal: c.changes.length });
      expect(preview.changes.map((x) => [x.id, x.action, ...(x.fields ? [x.fields] : [])])).to.deep.equal(c.changes);
    });
  }

  it('caps the list but counts every change', () => {
    const incoming = Array.from({ length: 12 }, (_, i) => entry(`n${i}`));
    const preview = previewImport(stored, incoming, 'replace', 5);
    expect(preview.changes).to.have.length(5);
    expect(preview.changesTotal).to.equal(15);
    expect(preview).to.include({ created: 12, deleted: 3 });
  });

  it('names the question before a delete and after an update', () => {
    const preview = previewImport(stored, [entry('a', { question: '改过的问题' })], 'replace');
    expect(preview.changes.map((c) => c.question)).to.deep.equal(['改过的问题', '问题b', '问题c']);
  });
});

describe('changedFields', () => {
  const cases: Array<{ name: string; next: Partial<FaqEntry>; fields: string[] }> = [
    { name: 'a missing category equals an empty one', next: { category: '' }, fields: [] },
    { name: 'missing tags equal an empty list', next: { tags: [] }, fields: [] },
    { name: 'reordered alternates count as a change', next: { alternates: ['2', '1'] }, fields: ['alternates'] },
    { name: 'several fields at once', next: { question: 'q', answer: 'a', tags: ['t'] }, fields: ['question', 'answer', 'tags'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(changedFields(entry('a', { alternates: ['1', '2'] }), entry('a', { alternates: ['1', '2'], ...c.next }))).to.deep.equal(c.fields);
    });
  }
});
