import type { Locale } from '../../knowledge/faqEntry.js';
import { DEFAULT_REPLY_SCRIPTS, type ReplyScript, type Scenario, type ServiceStage } from '../../scripts/replyScripts.js';
import type { ScriptImportResult, ScriptStore } from './scriptStore.js';

/** Which scripts an admin wants to see; `q` is matched, ignoring case, in the id, text and keywords. */
export interface ScriptFilter {
  readonly locale?: Locale;
  readonly stage?: ServiceStage;
  readonly scenario?: Scenario;
  readonly q?: string;
}

/**
 * The admins' reply-script library (话术库), held in memory for the suggestion engine and the
 * Teams script search, and reloaded after every edit made through it, so an edit applies to the
 * next suggestion without a restart. Admin reads go to the store, which is the truth.
 */
export class ScriptLibrary {
  private current: readonly ReplyScript[] = [];
  /** Hears every edit made here, so other instances can reload. */
  onChange: () => void = () => undefined;

  constructor(private readonly store: ScriptStore) {}

  /** Seeds the store with `defaults` once in its life, then loads the library. */
  async start(defaults: readonly ReplyScript[] = DEFAULT_REPLY_SCRIPTS): Promise<{ seeded: boolean; scripts: number }> {
    const seeded = await this.store.seedOnce(defaults);
    await this.reload();
    return { seeded, scripts: this.current.length };
  }

  async reload(): Promise<void> {
    this.current = Object.freeze(await this.store.all());
  }

  /**
   * The library as of the last load, in library order. The array is replaced, never changed, on
   * reload (the suggestion engine indexes each array once).
   */
  get scripts(): readonly ReplyScript[] {
    return this.current;
  }

  async list(filter: ScriptFilter = {}): Promise<ReplyScript[]> {
    const q = filter.q?.trim().toLowerCase() ?? '';
    return (await this.store.all()).filter(
      (s) =>
        (!filter.locale || s.locale === filter.locale) &&
        (!filter.stage || s.stage === filter.stage) &&
        (!filter.scenario || s.scenario === filter.scenario) &&
        (!q || [s.id, s.text, ...(s.keywords ?? [])].some((t) => t.toLowerCase().includes(q))),
    );
  }

  get(id: string): Promise<ReplyScript | undefined> {
    return this.store.get(id);
  }

  /** Adds a script; false when the id is taken. */
  async create(script: ReplyScript): Promise<boolean> {
    const created = await this.store.create(script);
    if (created) await this.changed();
    return created;
  }

  /** Replaces a script; resolves with the version replaced, or undefined when there is none. */
  async update(script: ReplyScript): Promise<ReplyScript | undefined> {
    const before = await this.store.update(script);
    if (before) await this.changed();
    return before;
  }

  /** Removes a script; resolves with what was removed, or undefined when there was nothing. */
  async delete(id: string): Promise<ReplyScript | undefined> {
    const removed = await this.store.delete(id);
    if (removed) await this.changed();
    return removed;
  }

  async import(scripts: readonly ReplyScript[], mode: 'merge' | 'replace'): Promise<ScriptImportResult> {
    const result = await this.store.import(scripts, mode);
    await this.changed();
    return result;
  }

  private async changed(): Promise<void> {
    await this.reload();
    this.onChange();
  }
}
