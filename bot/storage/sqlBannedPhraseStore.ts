import { randomUUID } from 'node:crypto';
import type { BannedCategory, BannedPhrase } from '../../scripts/bannedPhrases.js';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';
import type { BannedPhraseStore, GuardOverrideLog } from '../assist/bannedPhraseStore.js';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase.js';

interface Row {
  id: string;
  locale: string;
  category: string;
  phrase: string;
  suggestion: string;
  allow: string | null;
}

const SEED_KEY = 'banned_phrases_seeded_at';

const toPhrase = (r: Row): BannedPhrase => ({
  id: r.id,
  locale: r.locale as BannedPhrase['locale'],
  category: r.category as BannedCategory,
  phrase: r.phrase,
  suggestion: r.suggestion,
  ...(r.allow ? { allow: JSON.parse(r.allow) as string[] } : {}),
});

async function upsert(tx: SqlExecutor, p: BannedPhrase): Promise<void> {
  await tx.run(
    `INSERT INTO banned_phrases (id, locale, category, phrase, suggestion, allow, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET locale = excluded.locale, category = excluded.category, phrase = excluded.phrase,
       suggestion = excluded.suggestion, allow = excluded.allow, updated_at = excluded.updated_at`,
    [p.id, p.locale, p.category, p.phrase, p.suggestion, p.allow ? JSON.stringify(p.allow) : null, Date.now()],
  );
}

/** Banned phrases in `banned_phrases`. */
export class SqlBannedPhraseStore implements BannedPhraseStore {
  constructor(private readonly db: SqlDatabase) {}

  async all(): Promise<BannedPhrase[]> {
    return (await this.db.all<Row>(`SELECT id, locale, category, phrase, suggestion, allow FROM banned_phrases ORDER BY id`)).map(toPhrase);
  }

  put(phrase: BannedPhrase): Promise<{ created: boolean }> {
    return this.db.transaction(async (tx) => {
      const existed = await tx.get(`SELECT id FROM banned_phrases WHERE id = ?`, [phrase.id]);
      await upsert(tx, phrase);
      return { created: !existed };
    });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.run(`DELETE FROM banned_phrases WHERE id = ?`, [id])).changes > 0;
  }

  import(phrases: readonly BannedPhrase[], mode: 'merge' | 'replace'): Promise<{ imported: number }> {
    return this.db.transaction(async (tx) => {
      if (mode === 'replace') await tx.run(`DELETE FROM banned_phrases`);
      for (const p of phrases) await upsert(tx, p);
      return { imported: phrases.length };
    });
  }

  seedOnce(phrases: readonly BannedPhrase[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [SEED_KEY, String(Date.now())]);
      if (changes === 0) return false;
      for (const p of phrases) await upsert(tx, p);
      return true;
    });
  }
}

/** Guard overrides in `guard_overrides`. */
export class SqlGuardOverrideLog implements GuardOverrideLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(o: { conversationId: string; agentId: string; text: string; violations: readonly Violation[] }): Promise<void> {
    await this.db.run(`INSERT INTO guard_overrides (id, conversation_id, agent_id, text, violations, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      randomUUID(),
      o.conversationId,
      o.agentId,
      o.text,
      JSON.stringify(o.violations),
      Date.now(),
    ]);
  }

  async recordWarning(w: { conversationId: string; agentId: string; violations: readonly Violation[] }): Promise<void> {
    const categories = [...new Set(w.violations.map((v) => v.category))];
    await this.db.run(`INSERT INTO guard_warnings (id, conversation_id, agent_id, categories, created_at) VALUES (?, ?, ?, ?, ?)`, [
      randomUUID(),
      w.conversationId,
      w.agentId,
      JSON.stringify(categories),
      Date.now(),
    ]);
  }

  async count(): Promise<number> {
    return Number((await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM guard_overrides`))?.n ?? 0);
  }
}
