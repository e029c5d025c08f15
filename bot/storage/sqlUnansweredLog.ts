import { randomUUID } from 'node:crypto';
import type { Locale } from '../../knowledge/faqEntry.js';
import { normalizeText } from '../../knowledge/textNormalizer.js';
import type { UnansweredGroup, UnansweredLog, UnansweredQuestion, UnansweredReason } from '../../dialogs/unansweredLog.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** The unanswered-questions inbox in the `unanswered_questions` table. */
export class SqlUnansweredLog implements UnansweredLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(q: UnansweredQuestion): Promise<void> {
    await this.db.run(
      `INSERT INTO unanswered_questions (id, text, normalized, locale, conversation_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), q.text, normalizeText(q.text), q.locale, q.conversationId, q.reason, Date.now()],
    );
  }

  async groups(limit: number): Promise<UnansweredGroup[]> {
    const rows = await this.db.all<{ normalized: string; locale: string; count: number; last: number; text: string }>(
      `SELECT g.normalized, g.locale, g.count, g.last,
              (SELECT u.text FROM unanswered_questions u WHERE u.normalized = g.normalized AND u.locale = g.locale
                ORDER BY u.created_at DESC LIMIT 1) AS text
         FROM (SELECT normalized, locale, COUNT(*) AS count, MAX(created_at) AS last
                 FROM unanswered_questions GROUP BY normalized, locale) g
        ORDER BY g.count DESC, g.last DESC LIMIT ?`,
      [limit],
    );
    const reasons = await this.db.all<{ normalized: string; locale: string; reason: string }>(
      `SELECT DISTINCT normalized, locale, reason FROM unanswered_questions`,
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
