import { randomUUID } from 'node:crypto';
import type { TranscriptMessage, TranscriptRole, TranscriptStore } from '../handoff/transcriptStore.js';
import type { SqlDatabase } from './sqlDatabase.js';

let last = 0;
/** Increasing within this process even for messages in the same millisecond. */
function nextSeq(): number {
  last = Math.max(last + 1, Date.now() * 1000);
  return last;
}

/** Every customer, bot and agent message in `transcript_messages`. */
export class SqlTranscriptStore implements TranscriptStore {
  constructor(private readonly db: SqlDatabase) {}

  async append(m: Omit<TranscriptMessage, 'createdAt'>): Promise<TranscriptMessage> {
    const createdAt = Date.now();
    await this.db.run(
      `INSERT INTO transcript_messages (id, conversation_id, seq, role, text, agent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), m.conversationId, nextSeq(), m.role, m.text, m.agentId ?? null, createdAt],
    );
    return { ...m, createdAt };
  }

  async list(conversationId: string, limit: number): Promise<TranscriptMessage[]> {
    const rows = await this.db.all<{ role: string; text: string; agent_id: string | null; created_at: number }>(
      `SELECT role, text, agent_id, created_at FROM (
         SELECT role, text, agent_id, created_at, seq FROM transcript_messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?
       ) recent ORDER BY seq`,
      [conversationId, limit],
    );
    return rows.map((r) => ({
      conversationId,
      role: r.role as TranscriptRole,
      text: r.text,
      ...(r.agent_id ? { agentId: r.agent_id } : {}),
      createdAt: Number(r.created_at),
    }));
  }
}
