import type { Activity } from 'botbuilder';
import type { ActivityPage, DirectLineConversation, DirectLineStore } from '../directline/directLineStore.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** Direct Line conversations and activities in `dl_conversations` and `dl_activities`. */
export class SqlDirectLineStore implements DirectLineStore {
  constructor(private readonly db: SqlDatabase) {}

  async createConversation(c: Omit<DirectLineConversation, 'started'>): Promise<void> {
    await this.db.run(
      `INSERT INTO dl_conversations (id, user_id, locale, started, next_seq, created_at) VALUES (?, ?, ?, 0, 1, ?) ON CONFLICT (id) DO NOTHING`,
      [c.id, c.userId, c.locale ?? null, Date.now()],
    );
  }

  async conversation(id: string): Promise<DirectLineConversation | undefined> {
    const row = await this.db.get<{ id: string; user_id: string; locale: string | null; started: number }>(
      `SELECT id, user_id, locale, started FROM dl_conversations WHERE id = ?`,
      [id],
    );
    return row && { id: row.id, userId: row.user_id, started: Number(row.started) === 1, ...(row.locale ? { locale: row.locale } : {}) };
  }

  async markStarted(id: string): Promise<boolean> {
    return (await this.db.run(`UPDATE dl_conversations SET started = 1 WHERE id = ? AND started = 0`, [id])).changes > 0;
  }

  append(conversationId: string, activity: Partial<Activity>): Promise<Activity> {
    return this.db.transaction(async (tx) => {
      // The counter row serialises appends per conversation on both engines.
      await tx.run(`UPDATE dl_conversations SET next_seq = next_seq + 1 WHERE id = ?`, [conversationId]);
      const row = await tx.get<{ next_seq: number }>(`SELECT next_seq FROM dl_conversations WHERE id = ?`, [conversationId]);
      if (!row) throw new Error(`SqlDirectLineStore.append: no conversation ${conversationId}`);
      const seq = Number(row.next_seq) - 1;
      const stored = { ...activity, id: `${conversationId}|${String(seq).padStart(7, '0')}`, conversation: { id: conversationId } } as Activity;
      await tx.run(`INSERT INTO dl_activities (conversation_id, seq, activity, created_at) VALUES (?, ?, ?, ?)`, [
        conversationId,
        seq,
        JSON.stringify(stored),
        Date.now(),
      ]);
      return stored;
    });
  }

  async activitiesAfter(conversationId: string, watermark: number, limit: number): Promise<ActivityPage> {
    const rows = await this.db.all<{ seq: number; activity: string }>(
      `SELECT seq, activity FROM dl_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      [conversationId, watermark, limit],
    );
    const last = rows.at(-1);
    return { activities: rows.map((r) => JSON.parse(r.activity) as Activity), watermark: String(last ? Number(last.seq) : Math.max(watermark, 0)) };
  }
}
