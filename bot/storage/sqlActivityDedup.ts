import type { ActivityDedup } from '../http/activityDedup.js';
import type { SqlDatabase } from './sqlDatabase.js';

/** Remembers delivered activity ids in `processed_activities` for a day. */
export class SqlActivityDedup implements ActivityDedup {
  private lastPrune = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly keepMs = 24 * 60 * 60 * 1000,
  ) {}

  async firstDelivery(conversationId: string, activityId: string): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastPrune > 60 * 60 * 1000) {
      this.lastPrune = now;
      await this.db.run(`DELETE FROM processed_activities WHERE created_at < ?`, [now - this.keepMs]);
    }
    const { changes } = await this.db.run(
      `INSERT INTO processed_activities (conversation_id, activity_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      [conversationId, activityId, now],
    );
    return changes > 0;
  }
}
