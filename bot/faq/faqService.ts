import type { FaqEntry, Locale } from '../../knowledge/faqEntry.js';
import { DEFAULT_LOCALE_THRESHOLDS, DEFAULT_THRESHOLDS, FaqMatcher, type MatchResult, type MatchThresholds } from '../../knowledge/faqMatcher.js';
import type { FaqAnswerer } from '../../dialogs/faqAnswerer.js';
import type { FaqQuery, FaqStore, ImportMode, ImportResult, StoredFaq } from './faqStore.js';
import { previewImport, type ImportPreview } from './importPreview.js';

/**
 * The knowledge base as the bot and the admin API share it: every write goes to the store
 * first, then into the in-memory matcher, so the next customer message already sees it.
 */
export class FaqService implements FaqAnswerer {
  private matcher = new FaqMatcher();
  private readonly entries = new Map<string, FaqEntry>();

  constructor(private readonly store: FaqStore) {}

  /** Seeds an empty store once, then loads every entry into the matcher. */
  async start(seed: readonly FaqEntry[]): Promise<{ seeded: boolean; entries: number }> {
    const seeded = await this.store.seedOnce(seed);
    await this.reload();
    return { seeded, entries: this.entries.size };
  }

  /** Rebuilds the matcher from the store (after bulk changes). */
  async reload(): Promise<void> {
    const all = await this.store.all();
    this.matcher = new FaqMatcher(all);
    this.entries.clear();
    for (const e of all) this.entries.set(e.id, e);
  }

  /** Entries the matcher serves. */
  get size(): number {
    return this.entries.size;
  }

  match(text: string, locale: Locale): MatchResult {
    return this.matcher.match(text, locale);
  }

  /** The thresholds behind `match` for a locale (the matcher's defaults: the service sets none). */
  thresholds(locale: Locale): MatchThresholds {
    return { ...DEFAULT_THRESHOLDS, ...DEFAULT_LOCALE_THRESHOLDS[locale] };
  }

  entry(id: string): FaqEntry | undefined {
    return this.entries.get(id);
  }

  list(query: FaqQuery): Promise<{ items: StoredFaq[]; total: number }> {
    return this.store.list(query);
  }

  get(id: string): Promise<StoredFaq | undefined> {
    return this.store.get(id);
  }

  all(): Promise<StoredFaq[]> {
    return this.store.all();
  }

  async create(entry: FaqEntry): Promise<StoredFaq | 'exists'> {
    const stored = await this.store.insert(entry);
    if (stored !== 'exists') this.index(entry);
    return stored;
  }

  async update(entry: FaqEntry): Promise<StoredFaq | 'missing'> {
    const stored = await this.store.update(entry);
    if (stored !== 'missing') this.index(entry);
    return stored;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    if (deleted) {
      this.matcher.remove(id);
      this.entries.delete(id);
    }
    return deleted;
  }

  async import(entries: readonly FaqEntry[], mode: ImportMode): Promise<ImportResult> {
    const result = await this.store.import(entries, mode);
    await this.reload();
    return result;
  }

  /** What `import` would do, without writing anything. */
  async previewImport(entries: readonly FaqEntry[], mode: ImportMode): Promise<ImportPreview> {
    return previewImport(await this.store.all(), entries, mode);
  }

  private index(entry: FaqEntry): void {
    this.matcher.upsert(entry);
    this.entries.set(entry.id, entry);
  }
}
