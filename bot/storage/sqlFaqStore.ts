import type { FaqEntry, Locale } from '../../knowledge/faqEntry.js';
import type { FaqQuery, FaqStore, ImportMode, ImportResult, StoredFaq } from '../faq/faqStore.js';
import type { SqlDatabase, SqlExecutor, SqlParams } from './sqlDatabase.js';

interface FaqRow {
  id: string;
  locale: string;
  question: string;
  alternates: string;
  answer: string;
  category: string | null;
  tags: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, locale, question, alternates, answer, category, tags, created_at, updated_at';
/** Rows per multi-row INSERT: well under both engines' bound-parameter limits. */
const CHUNK = 500;
const SEED_KEY = 'faq_seeded_at';

function toEntry(row: FaqRow): StoredFaq {
  return {
    id: row.id,
    locale: row.locale as Locale,
    question: row.question,
    alternates: JSON.parse(row.alternates) as string[],
    answer: row.answer,
    ...(row.category !== null ? { category: row.category } : {}),
    ...(row.tags !== null ? { tags: JSON.parse(row.tags) as string[] } : {}),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function values(entry: FaqEntry, createdAt: number, updatedAt: number): SqlParams {
  return [
    entry.id,
    entry.locale,
    entry.question,
    JSON.stringify(entry.alternates),
    entry.answer,
    entry.category ?? null,
    entry.tags ? JSON.stringify(entry.tags) : null,
    createdAt,
    updatedAt,
  ];
}

/** FAQ entries in the `faqs` table of SQLite or PostgreSQL. */
export class SqlFaqStore implements FaqStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async all(): Promise<StoredFaq[]> {
    return (await this.db.all<FaqRow>(`SELECT ${COLUMNS} FROM faqs ORDER BY id`)).map(toEntry);
  }

  async list(query: FaqQuery): Promise<{ items: StoredFaq[]; total: number }> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.locale) {
      where.push('locale = ?');
      params.push(query.locale);
    }
    if (query.category) {
      where.push('category = ?');
      params.push(query.category);
    }
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      where.push(`(LOWER(question) LIKE ? ESCAPE '\\' OR LOWER(alternates) LIKE ? ESCAPE '\\' OR LOWER(answer) LIKE ? ESCAPE '\\')`);
      params.push(like, like, like);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const count = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM faqs ${clause}`, params);
    const rows = await this.db.all<FaqRow>(`SELECT ${COLUMNS} FROM faqs ${clause} ORDER BY id LIMIT ? OFFSET ?`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return { items: rows.map(toEntry), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<StoredFaq | undefined> {
    const row = await this.db.get<FaqRow>(`SELECT ${COLUMNS} FROM faqs WHERE id = ?`, [id]);
    return row && toEntry(row);
  }

  async insert(entry: FaqEntry): Promise<StoredFaq | 'exists'> {
    const at = this.now();
    const { changes } = await this.db.run(
      `INSERT INTO faqs (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      values(entry, at, at),
    );
    return changes === 0 ? 'exists' : { ...entry, createdAt: at, updatedAt: at };
  }

  async update(entry: FaqEntry): Promise<StoredFaq | 'missing'> {
    return this.db.transaction(async (tx) => {
      const current = await tx.get<FaqRow>(`SELECT ${COLUMNS} FROM faqs WHERE id = ?`, [entry.id]);
      if (!current) return 'missing';
      const at = this.now();
      const params = values(entry, Number(current.created_at), at);
      await tx.run(
        `UPDATE faqs SET locale = ?, question = ?, alternates = ?, answer = ?, category = ?, tags = ?, updated_at = ? WHERE id = ?`,
        [...params.slice(1, 7), at, entry.id],
      );
      return { ...entry, createdAt: Number(current.created_at), updatedAt: at };
    });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.run(`DELETE FROM faqs WHERE id = ?`, [id])).changes > 0;
  }

  async import(entries: readonly FaqEntry[], mode: ImportMode): Promise<ImportResult> {
    return this.db.transaction(async (tx) => {
      const existing = new Set((await tx.all<{ id: string }>(`SELECT id FROM faqs`)).map((r) => r.id));
      const incoming = new Set(entries.map((e) => e.id));
      let deleted = 0;
      if (mode === 'replace') {
        const gone = [...existing].filter((id) => !incoming.has(id));
        for (let i = 0; i < gone.length; i += CHUNK) {
          const ids = gone.slice(i, i + CHUNK);
          deleted += (await tx.run(`DELETE FROM faqs WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).changes;
        }
      }
      await this.upsertAll(tx, entries);
      const created = entries.filter((e) => !existing.has(e.id)).length;
      return { imported: entries.length, created, updated: entries.length - created, deleted };
    });
  }

  async seedOnce(entries: readonly FaqEntry[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [
        SEED_KEY,
        String(this.now()),
      ]);
      if (changes === 0) return false;
      const at = this.now();
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        await tx.run(
          `INSERT INTO faqs (${COLUMNS}) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (id) DO NOTHING`,
          chunk.flatMap((e) => values(e, at, at)),
        );
      }
      return true;
    });
  }

  private async upsertAll(tx: SqlExecutor, entries: readonly FaqEntry[]): Promise<void> {
    const at = this.now();
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      await tx.run(
        `INSERT INTO faqs (${COLUMNS}) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (id) DO UPDATE SET locale = excluded.locale, question = excluded.question,
           alternates = excluded.alternates, answer = excluded.answer, category = excluded.category,
           tags = excluded.tags, updated_at = excluded.updated_at`,
        chunk.flatMap((e) => values(e, at, at)),
      );
    }
  }
}
