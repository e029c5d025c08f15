import type { FaqEntry, Locale } from '../../knowledge/faqEntry.js';
import { FaqMatcher, type MatchResult, type MatchThresholds } from '../../knowledge/faqMatcher.js';
import type { FaqAnswerer } from '../../dialogs/faqAnswerer.js';
import type { AuditLog, NewAuditEntry } from '../audit/auditLog.js';
import type { FaqQuery, FaqStore, ImportMode, ImportResult, StoredFaq } from './faqStore.js';
import { changedFields, previewImport, type ImportPreview } from './importPreview.js';

/** A change to the knowledge base, as other instances need to hear of it. */
export type FaqChange = { readonly op: 'upsert' | 'delete'; readonly id: string } | { readonly op: 'reload' };

/**
 * The knowledge base as the bot and the admin API share it: every write goes to the store
 * first, then into the in-memory matcher, so the next customer message already sees it. A
 * write made for someone (`actor`) is also recorded in the audit log with the entry before
 * and after, so an earlier version can be restored.
 */
export class FaqService implements FaqAnswerer {
  private matcher = new FaqMatcher();
  private readonly entries = new Map<string, FaqEntry>();
  /** Hears every change made here, so other instances can apply it (`applyRemote`). */
  onChange: (change: FaqChange) => void = () => undefined;

  constructor(
    private readonly store: FaqStore,
    private readonly audit?: AuditLog,
  ) {}

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

  /** The thresholds behind `match` for a locale. */
  thresholds(locale: Locale): MatchThresholds {
    return this.matcher.thresholdsOf(locale);
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

  /** Adds an entry; `action` 'restore' when it brings back a deleted one. */
  async create(entry: FaqEntry, actor?: string, action: 'create' | 'restore' = 'create'): Promise<StoredFaq | 'exists'> {
    const stored = await this.store.insert(entry);
    if (stored === 'exists') return stored;
    this.index(entry);
    this.onChange({ op: 'upsert', id: entry.id });
    await this.record(actor, { entityId: entry.id, action, after: stored });
    return stored;
  }

  /** Replaces an entry; `action` 'restore' when it brings back an earlier version. */
  async update(entry: FaqEntry, actor?: string, action: 'update' | 'restore' = 'update'): Promise<StoredFaq | 'missing'> {
    const before = actor ? await this.store.get(entry.id) : undefined;
    const stored = await this.store.update(entry);
    if (stored === 'missing') return stored;
    this.index(entry);
    this.onChange({ op: 'upsert', id: entry.id });
    await this.record(actor, { entityId: entry.id, action, before, after: stored });
    return stored;
  }

  async delete(id: string, actor?: string): Promise<boolean> {
    const before = actor ? await this.store.get(id) : undefined;
    const deleted = await this.store.delete(id);
    if (!deleted) return false;
    this.matcher.remove(id);
    this.entries.delete(id);
    this.onChange({ op: 'delete', id });
    await this.record(actor, { entityId: id, action: 'delete', before });
    return true;
  }

  /** Imports all or nothing; for an actor, every entry it changes or removes is audited with its old version. */
  async import(entries: readonly FaqEntry[], mode: ImportMode, actor?: string): Promise<ImportResult> {
    const existing = actor && this.audit ? new Map((await this.store.all()).map((e) => [e.id, e])) : undefined;
    const result = await this.store.import(entries, mode);
    await this.reload();
    this.onChange({ op: 'reload' });
    if (existing && actor && this.audit) {
      const changed: NewAuditEntry[] = [{ actor, entity: 'faq', entityId: 'import', action: 'import', after: { mode, ...result } }];
      const incoming = new Set<string>();
      for (const entry of entries) {
        incoming.add(entry.id);
        const before = existing.get(entry.id);
        if (before && changedFields(before, entry).length > 0) changed.push({ actor, entity: 'faq', entityId: entry.id, action: 'update', before, after: this.entries.get(entry.id) });
      }
      if (mode === 'replace') for (const [id, before] of existing) if (!incoming.has(id)) changed.push({ actor, entity: 'faq', entityId: id, action: 'delete', before });
      await this.audit.recordMany(changed);
    }
    return result;
  }

  /** Applies a change another instance made: the entry is re-read from the shared store. */
  async applyRemote(change: FaqChange): Promise<void> {
    if (change.op === 'reload') return this.reload();
    const entry = change.op === 'upsert' ? await this.store.get(change.id) : undefined;
    if (entry) {
      this.index(entry);
      return;
    }
    this.matcher.remove(change.id);
    this.entries.delete(change.id);
  }

  private async record(actor: string | undefined, change: Pick<NewAuditEntry, 'entityId' | 'action' | 'before' | 'after'>): Promise<void> {
    if (!actor || !this.audit) return;
    await this.audit.record({ actor, entity: 'faq', ...change });
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
