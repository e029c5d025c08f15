import type { FaqEntry, Locale } from '../../knowledge/faqEntry.js';

/** An entry as stored, with its timestamps (epoch ms). */
export type StoredFaq = FaqEntry & { readonly createdAt: number; readonly updatedAt: number };

export interface FaqQuery {
  /** Case-insensitive text to find in the question, alternates or answer. */
  readonly q?: string;
  readonly locale?: Locale;
  readonly category?: string;
  readonly offset: number;
  readonly limit: number;
}

export type ImportMode = 'merge' | 'replace';

export interface ImportResult {
  readonly imported: number;
  readonly created: number;
  readonly updated: number;
  /** Entries removed because a `replace` import did not contain them. */
  readonly deleted: number;
}

/** Where FAQ entries live. Owned by the FAQ service; one adapter per database. */
export interface FaqStore {
  all(): Promise<StoredFaq[]>;
  list(query: FaqQuery): Promise<{ items: StoredFaq[]; total: number }>;
  get(id: string): Promise<StoredFaq | undefined>;
  /** Adds a new entry; `exists` when the id is taken. */
  insert(entry: FaqEntry): Promise<StoredFaq | 'exists'>;
  /** Replaces an existing entry; `missing` when there is none with that id. */
  update(entry: FaqEntry): Promise<StoredFaq | 'missing'>;
  delete(id: string): Promise<boolean>;
  /** Writes every entry or none; `replace` also removes entries not in the import. */
  import(entries: readonly FaqEntry[], mode: ImportMode): Promise<ImportResult>;
  /** Loads the seed entries once in the store's life; false when it was seeded before. */
  seedOnce(entries: readonly FaqEntry[]): Promise<boolean>;
}
