import type { HandoffThread, TeamsChannel, TeamsThreadStore } from '../teams/teamsThreadStore.js';
import type { SqlDatabase } from './sqlDatabase.js';

const AGENTS_KEY = 'agents';

interface ThreadRow {
  handoff_id: string;
  conversation_id: string;
  thread_id: string;
  card_activity_id: string;
  channel: string;
}

function toThread(row: ThreadRow): HandoffThread {
  return {
    handoffId: row.handoff_id,
    conversationId: row.conversation_id,
    threadId: row.thread_id,
    cardActivityId: row.card_activity_id,
    channel: JSON.parse(row.channel) as TeamsChannel,
  };
}

/** The agents' Teams channel and the handoff threads in `teams_channels` / `teams_handoff_threads`. */
export class SqlTeamsThreadStore implements TeamsThreadStore {
  constructor(private readonly db: SqlDatabase) {}

  async channel(): Promise<TeamsChannel | undefined> {
    const row = await this.db.get<{ channel: string }>(`SELECT channel FROM teams_channels WHERE key = ?`, [AGENTS_KEY]);
    return row && (JSON.parse(row.channel) as TeamsChannel);
  }

  async saveChannel(channel: TeamsChannel): Promise<void> {
    await this.db.run(
      `INSERT INTO teams_channels (key, channel, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at`,
      [AGENTS_KEY, JSON.stringify(channel), Date.now()],
    );
  }

  async saveThread(thread: HandoffThread): Promise<void> {
    await this.db.run(
      `INSERT INTO teams_handoff_threads (handoff_id, conversation_id, thread_id, card_activity_id, channel, created_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (handoff_id) DO UPDATE SET thread_id = excluded.thread_id, card_activity_id = excluded.card_activity_id, channel = excluded.channel`,
      [thread.handoffId, thread.conversationId, thread.threadId, thread.cardActivityId, JSON.stringify(thread.channel), Date.now()],
    );
  }

  async forHandoff(handoffId: string): Promise<HandoffThread | undefined> {
    const row = await this.db.get<ThreadRow>(`SELECT * FROM teams_handoff_threads WHERE handoff_id = ?`, [handoffId]);
    return row && toThread(row);
  }

  async forThread(threadId: string): Promise<HandoffThread | undefined> {
    const row = await this.db.get<ThreadRow>(`SELECT * FROM teams_handoff_threads WHERE thread_id = ? ORDER BY created_at DESC LIMIT 1`, [threadId]);
    return row && toThread(row);
  }
}
