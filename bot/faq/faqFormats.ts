import { createHash } from 'node:crypto';
import { FaqDraftSchema, type FaqEntry } from '../../knowledge/faqEntry.js';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { csvLine, isBlankRecord, parseDelimited } from './csv.js';

export const FAQ_FORMATS = ['json', 'csv', 'qna-tsv'] as const;
export type FaqFormat = (typeof FAQ_FORMATS)[number];

/** A problem with one row of an import: rows count from 1 as a person reads the file. */
export interface RowIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export type ParsedImport = { readonly ok: true; readonly entries: FaqEntry[] } | { readonly ok: false; readonly issues: RowIssue[] };

export const CSV_COLUMNS = ['id', 'locale', 'question', 'alternates', 'answer', 'category'] as const;

/** A stable id for an entry imported without one, so importing the same file twice updates. */
export function derivedId(locale: string, question: string): string {
  return `faq-${createHash('sha256').update(`${locale}\n${question.trim()}`).digest('hex').slice(0, 12)}`;
}

/** Parses and validates a whole import; any bad row makes the whole import fail. */
export function parseImport(format: FaqFormat, body: string): ParsedImport {
  let drafts: Array<{ row: number; value: unknown }>;
  try {
    drafts = format === 'json' ? fromJson(body) : format === 'csv' ? fromCsv(body) : fromQnaTsv(body);
  } catch (err) {
    return { ok: false, issues: [{ row: 0, field: '(file)', message: (err as Error).message }] };
  }
  const issues: RowIssue[] = [];
  const entries: FaqEntry[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { row, value } of drafts) {
    const parsed = FaqDraftSchema.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ row, field: i.path.join('.') || '(row)', message: i.message });
      continue;
    }
    const entry = { ...parsed.data, id: parsed.data.id ?? derivedId(parsed.data.locale, parsed.data.question) };
    const earlier = firstRowOfId.get(entry.id);
    if (earlier !== undefined) issues.push({ row, field: 'id', message: `duplicates the id of row ${earlier}` });
    else firstRowOfId.set(entry.id, row);
    entries.push(entry);
  }
  if (drafts.length === 0) issues.push({ row: 0, field: '(file)', message: 'contains no entries' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, entries };
}

function fromJson(body: string): Array<{ row: number; value: unknown }> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new Error('is not valid JSON');
  }
  if (!Array.isArray(data)) throw new Error('must be a JSON array of entries');
  return (data as unknown[]).map((value, i) => ({ row: i + 1, value }));
}

function fromCsv(body: string): Array<{ row: number; value: unknown }> {
  const [header, ...rows] = parseDelimited(body).filter((r, i) => i > 0 || !isBlankRecord(r));
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => c !== 'id' && c !== 'category' && !names.includes(c));
  if (missing.length > 0) throw new Error(`header row lacks column(s): ${missing.join(', ')}`);
  return rows.flatMap((fields, i) => {
    if (isBlankRecord(fields)) return [];
    const get = (name: string): string | undefined => {
      const at = names.indexOf(name);
      const v = at >= 0 ? fields[at]?.trim() : undefined;
      return v === '' ? undefined : v;
    };
    const split = (v: string | undefined): string[] => (v ?? '').split('|').map((s) => s.trim()).filter(Boolean);
    const tags = split(get('tags'));
    return [{
      row: i + 2,
      value: {
        id: get('id'),
        locale: get('locale'),
        question: get('question') ?? '',
        alternates: split(get('alternates')),
        answer: get('answer') ?? '',
        ...(get('category') ? { category: get('category') } : {}),
        ...(tags.length > 0 ? { tags } : {}),
      },
    }];
  });
}

/**
 * QnA Maker's TSV export: `Question  Answer  Source  Metadata  ...  QnaId`, one row per question;
 * rows sharing a QnaId (or, without one, the same answer) are one entry whose first question is
 * canonical and the rest alternates. Metadata `category:x|locale:en-us` fills category and
 * locale; otherwise the locale is detected from the text. `\n` in answers is a line break.
 */
function fromQnaTsv(body: string): Array<{ row: number; value: unknown }> {
  const [header, ...rows] = parseDelimited(body, '\t', false).filter((r, i) => i > 0 || !isBlankRecord(r));
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const q = names.indexOf('question');
  const a = names.indexOf('answer');
  if (q < 0 || a < 0) throw new Error('header row must have Question and Answer columns (QnA Maker TSV export)');
  const groups = new Map<string, { row: number; questions: string[]; answer: string; metadata: Map<string, string>; qnaId?: string }>();
  rows.forEach((fields, i) => {
    if (isBlankRecord(fields)) return;
    const answer = unescapeTsv(fields[a] ?? '').trim();
    const qnaId = names.includes('qnaid') ? fields[names.indexOf('qnaid')]?.trim() || undefined : undefined;
    const key = qnaId ? `id:${qnaId}` : `answer:${answer}`;
    const group = groups.get(key) ?? { row: i + 2, questions: [], answer, metadata: parseMetadata(fields[names.indexOf('metadata')]), ...(qnaId ? { qnaId } : {}) };
    const question = unescapeTsv(fields[q] ?? '').trim();
    if (question) group.questions.push(question);
    groups.set(key, group);
  });
  return [...groups.values()].map((g) => {
    const [question = '', ...alternates] = g.questions;
    const locale = normalizeLocale(g.metadata.get('locale')) ?? detectLocale(`${question} ${g.answer}`);
    return {
      row: g.row,
      value: {
        id: g.metadata.get('id') ?? (g.qnaId ? `qna-${g.qnaId}` : undefined),
        locale,
        question,
        alternates,
        answer: g.answer,
        ...(g.metadata.get('category') ? { category: g.metadata.get('category') } : {}),
      },
    };
  });
}

/** TSV cells carry line breaks as `\n` and backslashes as `\\`. */
function unescapeTsv(cell: string): string {
  return cell.replace(/\\(n|\\)/gu, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

function parseMetadata(field: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (field ?? '').split('|')) {
    const [k, ...v] = pair.split(':');
    if (k && v.length > 0) map.set(k.trim().toLowerCase(), v.join(':').trim());
  }
  return map;
}

function normalizeLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase();
  return t.startsWith('zh') ? 'zh-CN' : t.startsWith('en') ? 'en-US' : tag;
}

/** Serialises entries in an import format (so an export can be imported again unchanged). */
export function formatExport(format: FaqFormat, entries: readonly FaqEntry[]): string {
  if (format === 'json') {
    return JSON.stringify(entries.map(({ id, locale, question, alternates, answer, category, tags }) => ({ id, locale, question, alternates, answer, category, tags })), null, 2);
  }
  if (format === 'csv') {
    const lines = [csvLine([...CSV_COLUMNS, 'tags'])];
    for (const e of entries) lines.push(csvLine([e.id, e.locale, e.question, e.alternates.join('|'), e.answer, e.category ?? '', (e.tags ?? []).join('|')]));
    return lines.join('\r\n') + '\r\n';
  }
  const tsv = (s: string): string => s.replace(/\\/gu, '\\\\').replace(/\t/gu, ' ').replace(/\r?\n/gu, '\\n');
  const lines = ['Question\tAnswer\tSource\tMetadata\tQnaId'];
  entries.forEach((e, i) => {
    const metadata = [`locale:${e.locale.toLowerCase()}`, ...(e.category ? [`category:${e.category}`] : []), `id:${e.id}`].join('|');
    for (const question of [e.question, ...e.alternates]) lines.push([tsv(question), tsv(e.answer), 'Editorial', metadata, String(i + 1)].join('\t'));
  });
  return lines.join('\r\n') + '\r\n';
}
