import { randomUUID } from 'node:crypto';
import type { Feedback, FeedbackLog } from '../../dialogs/feedbackLog.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** Answer feedback in the `faq_feedback` table. */
export class SqlFeedbackLog implements FeedbackLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(f: Feedback): Promise<void> {
    await this.db.run(
      `INSERT INTO faq_feedback (id, faq_id, conversation_id, helpful, question, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), f.faqId, f.conversationId, f.helpful ? 1 : 0, f.question, f.locale, Date.now()],
    );
  }

  /** Helpful and unhelpful counts per entry. */
  async totals(): Promise<Array<{ faqId: string; helpful: number; unhelpful: number }>> {
    const rows = await this.db.all<{ faq_id: string; helpful: number; unhelpful: number }>(
      `SELECT faq_id, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful FROM faq_feedback GROUP BY faq_id ORDER BY faq_id`,
    );
    return rows.map((r) => ({ faqId: r.faq_id, helpful: Number(r.helpful), unhelpful: Number(r.unhelpful) }));
  }
}
