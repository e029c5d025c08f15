import type { FaqEntry } from '../../knowledge/faqEntry.js';
import type { ImportMode, ImportResult } from './faqStore.js';

/** What an import would do to one entry. */
export interface ImportChange {
  readonly id: string;
  readonly action: 'create' | 'update' | 'delete';
  /** The question after the change (before it, for a delete). */
  readonly question: string;
  /** For an update: the fields whose value would change. */
  readonly fields?: readonly string[];
}

/**
 * An import's outcome without writing it: the counts the real import would return, and the
 * entries it would actually change (an update identical to the stored entry is `unchanged`).
 */
export interface ImportPreview extends ImportResult {
  readonly dryRun: true;
  readonly unchanged: number;
  /** At most `cap` changes: creates and updates in file order, then deletes. */
  readonly changes: readonly ImportChange[];
  /** Every change, including those beyond the cap. */
  readonly changesTotal: number;
}

const COMPARED = ['locale', 'question', 'alternates', 'answer', 'category', 'tags'] as const;

/** Fields of `next` that differ from `current`; a missing category or tag list equals an empty one. */
export function changedFields(current: FaqEntry, next: FaqEntry): string[] {
  const comparable = (e: FaqEntry, field: (typeof COMPARED)[number]): string => {
    const value = field === 'category' ? (e.category ?? '') : field === 'tags' ? (e.tags ?? []) : e[field];
    return JSON.stringify(value);
  };
  return COMPARED.filter((f) => comparable(current, f) !== comparable(next, f));
}

/** Compares an import with the stored entries, as `FaqStore.import` would apply it. */
export function previewImport(existing: readonly FaqEntry[], incoming: readonly FaqEntry[], mode: ImportMode, cap = 200): ImportPreview {
  const stored = new Map(existing.map((e) => [e.id, e]));
  const changes: ImportChange[] = [];
  let created = 0;
  let unchanged = 0;
  for (const entry of incoming) {
    const current = stored.get(entry.id);
    if (!current) {
      created++;
      changes.push({ id: entry.id, action: 'create', question: entry.question });
      continue;
    }
    const fields = changedFields(current, entry);
    if (fields.length === 0) unchanged++;
    else changes.push({ id: entry.id, action: 'update', question: entry.question, fields });
  }
  let deleted = 0;
  if (mode === 'replace') {
    const kept = new Set(incoming.map((e) => e.id));
    for (const e of existing) {
      if (kept.has(e.id)) continue;
      deleted++;
      changes.push({ id: e.id, action: 'delete', question: e.question });
    }
  }
  return {
    imported: incoming.length,
    created,
    updated: incoming.length - created,
    deleted,
    dryRun: true,
    unchanged,
    changes: changes.slice(0, cap),
    changesTotal: changes.length,
  };
}
