import type { ReplyScript } from '../../scripts/replyScripts.js';
import type { ScriptImportResult, ScriptStore } from '../assist/scriptStore.js';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase.js';

interface Row {
  id: string;
  locale: string;
  stage: string;
  scenario: string;
  text: string;
  keywords: string | null;
}

const SEED_KEY = 'reply_scripts_seeded_at';
const SELECT = `SELECT id, locale, stage, scenario, text, keywords FROM reply_scripts`;

// Rows are only written through the schema-checked API, so the columns hold valid values.
const toScript = (r: Row): ReplyScript => ({
  id: r.id,
  locale: r.locale as ReplyScript['locale'],
  stage: r.stage as ReplyScript['stage'],
  scenario: r.scenario as ReplyScript['scenario'],
  text: r.text,
  ...(r.keywords === null ? {} : { keywords: JSON.parse(r.keywords) as string[] }),
});

const keywordsOf = (s: ReplyScript): string | null => (s.keywords ? JSON.stringify(s.keywords) : null);

async function find(tx: SqlExecutor, id: string): Promise<ReplyScript | undefined> {
  const row = await tx.get<Row>(`${SELECT} WHERE id = ?`, [id]);
  return row && toScript(row);
}

async function nextPosition(tx: SqlExecutor): Promise<number> {
  return Number((await tx.get<{ n: number | null }>(`SELECT MAX(position) AS n FROM reply_scripts`))?.n ?? 0) + 1;
}

/** Adds a script at `position`; 0 changes when the id is taken. */
async function insert(tx: SqlExecutor, s: ReplyScript, position: number): Promise<number> {
  const now = Date.now();
  const { changes } = await tx.run(
    `INSERT INTO reply_scripts (id, locale, stage, scenario, text, keywords, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.locale, s.stage, s.scenario, s.text, keywordsOf(s), position, now, now],
  );
  return changes;
}

/** Overwrites a script's content, and its place when `position` is given. */
async function overwrite(tx: SqlExecutor, s: ReplyScript, position?: number): Promise<void> {
  await tx.run(
    `UPDATE reply_scripts SET locale = ?, stage = ?, scenario = ?, text = ?, keywords = ?, position = COALESCE(?, position), updated_at = ?
     WHERE id = ?`,
    [s.locale, s.stage, s.scenario, s.text, keywordsOf(s), position ?? null, Date.now(), s.id],
  );
}

/** Reply scripts in `reply_scripts`, in `position` order. */
export class SqlScriptStore implements ScriptStore {
  constructor(private readonly db: SqlDatabase) {}

  async all(): Promise<ReplyScript[]> {
    return (await this.db.all<Row>(`${SELECT} ORDER BY position, id`)).map(toScript);
  }

  get(id: string): Promise<ReplyScript | undefined> {
    return find(this.db, id);
  }

  create(script: ReplyScript): Promise<boolean> {
    return this.db.transaction(async (tx) => (await insert(tx, script, await nextPosition(tx))) > 0);
  }

  update(script: ReplyScript): Promise<ReplyScript | undefined> {
    return this.db.transaction(async (tx) => {
      const before = await find(tx, script.id);
      if (before) await overwrite(tx, script);
      return before;
    });
  }

  delete(id: string): Promise<ReplyScript | undefined> {
    return this.db.transaction(async (tx) => {
      const before = await find(tx, id);
      if (before) await tx.run(`DELETE FROM reply_scripts WHERE id = ?`, [id]);
      return before;
    });
  }

  import(scripts: readonly ReplyScript[], mode: 'merge' | 'replace'): Promise<ScriptImportResult> {
    const incoming = new Set(scripts.map((s) => s.id));
    if (incoming.size !== scripts.length) throw new Error('SqlScriptStore.import: the scripts must have distinct ids');
    return this.db.transaction(async (tx) => {
      const before = (await tx.all<Row>(`${SELECT} ORDER BY position, id`)).map(toScript);
      const existing = new Set(before.map((s) => s.id));
      let deleted = 0;
      if (mode === 'replace') {
        for (const s of before.filter((b) => !incoming.has(b.id))) deleted += (await tx.run(`DELETE FROM reply_scripts WHERE id = ?`, [s.id])).changes;
      }
      let position = mode === 'replace' ? 1 : await nextPosition(tx);
      let created = 0;
      for (const s of scripts) {
        if (!existing.has(s.id)) {
          created += await insert(tx, s, position++);
        } else {
          // A merge leaves updated scripts where they were; a replace puts every script in the import's order.
          await overwrite(tx, s, mode === 'replace' ? position++ : undefined);
        }
      }
      return { imported: scripts.length, created, updated: scripts.length - created, deleted, before };
    });
  }

  seedOnce(scripts: readonly ReplyScript[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [SEED_KEY, String(Date.now())]);
      if (changes === 0) return false;
      let position = await nextPosition(tx);
      for (const s of scripts) await insert(tx, s, position++);
      return true;
    });
  }
}
