import { randomUUID } from 'node:crypto';
import type { Locale } from '../../knowledge/faqEntry.js';
import { normalizeText } from '../../knowledge/textNormalizer.js';
import type { UnansweredGroup, UnansweredGroupKey, UnansweredLog, UnansweredQuestion, UnansweredReason } from '../../dialogs/unansweredLog.js';
import type { SqlDatabase, SqlParams } from './sqlDatabase.js';

interface GroupRow {
  normalized: string;
  locale: string;
  count: number;
  last: number;
  text: string;
}

/** The unanswered-questions inbox in the `unanswered_questions` table; open rows have no `resolved_at`. */
export class SqlUnansweredLog implements UnansweredLog {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async record(q: UnansweredQuestion): Promise<void> {
    await this.db.run(
      `INSERT INTO unanswered_questions (id, text, normalized, locale, conversation_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), q.text, normalizeText(q.text), q.locale, q.conversationId, q.reason, this.now()],
    );
  }

  groups(limit: number): Promise<UnansweredGroup[]> {
    return this.query('', [], limit);
  }

  async group(key: UnansweredGroupKey): Promise<UnansweredGroup | undefined> {
    const [found] = await this.query('AND normalized = ? AND locale = ?', [key.normalized, key.locale], 1);
    return found;
  }

  async resolve(key: UnansweredGroupKey, faqId: string | null): Promise<number> {
    const { changes } = await this.db.run(
      `UPDATE unanswered_questions SET resolved_at = ?, resolved_faq_id = ?
        WHERE normalized = ? AND locale = ? AND resolved_at IS NULL`,
      [this.now(), faqId, key.normalized, key.locale],
    );
    return changes;
  }

  /** Open groups matching `filter` (extra conditions on open rows), most asked first. */
  private async query(filter: string, params: SqlParams, limit: number): Promise<UnansweredGroup[]> {
    const open = `resolved_at IS NULL ${filter}`;
    const rows = await this.db.all<GroupRow>(
      `SELECT g.normalized, g.locale, g.count, g.last,
              (SELECT u.text FROM unanswered_questions u
                WHERE u.normalized = g.normalized AND u.locale = g.locale AND u.resolved_at IS NULL
                ORDER BY u.created_at DESC LIMIT 1) AS text
         FROM (SELECT normalized, locale, COUNT(*) AS count, MAX(created_at) AS last
                 FROM unanswered_questions WHERE ${open} GROUP BY normalized, locale) g
        ORDER BY g.count DESC, g.last DESC LIMIT ?`,
      [...params, limit],
    );
    const reasons = await this.db.all<{ normalized: string; locale: string; reason: string }>(
      `SELECT DISTINCT normalized, locale, reason FROM unanswered_questions WHERE ${open}`,
      params,
    );
    return rows.map((r) => ({
      text: r.text,
      normalized: r.normalized,
      locale: r.locale as Locale,
      count: Number(r.count),
      lastAskedAt: Number(r.last),
      reasons: reasons
        .filter((x) => x.normalized === r.normalized && x.locale === r.locale)
        .map((x) => x.reason as UnansweredReason)
        .sort(),
    }));
  }
}
