import { ReplyScriptSchema, type ReplyScript } from '../../scripts/replyScripts.js';

/** A problem with one script of an import: rows count from 1 as a person reads the file; 0 is the file itself. */
export interface ScriptImportIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export type ParsedScriptImport = { readonly ok: true; readonly scripts: ReplyScript[] } | { readonly ok: false; readonly issues: ScriptImportIssue[] };

/**
 * Checks a whole import (a JSON array of scripts, as the export writes them): every script must
 * be valid and every id distinct, or nothing is imported and every problem is named.
 */
export function parseScriptImport(data: unknown): ParsedScriptImport {
  if (!Array.isArray(data)) return { ok: false, issues: [{ row: 0, field: '(file)', message: 'must be a JSON array of scripts' }] };
  if (data.length === 0) return { ok: false, issues: [{ row: 0, field: '(file)', message: 'contains no scripts' }] };
  const issues: ScriptImportIssue[] = [];
  const scripts: ReplyScript[] = [];
  const firstRowOfId = new Map<string, number>();
  (data as unknown[]).forEach((value, i) => {
    const row = i + 1;
    const parsed = ReplyScriptSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ row, field: issue.path.join('.') || '(row)', message: issue.message });
      return;
    }
    const earlier = firstRowOfId.get(parsed.data.id);
    if (earlier !== undefined) issues.push({ row, field: 'id', message: `duplicates the id of row ${earlier}` });
    else firstRowOfId.set(parsed.data.id, row);
    scripts.push(parsed.data);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scripts };
}
