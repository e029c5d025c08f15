import type { Locale } from '../../knowledge/faqEntry.js';
import { DEFAULT_BANNED_PHRASES, type BannedPhrase } from '../../scripts/bannedPhrases.js';
import { BannedPhraseGuard, type Violation } from '../../scripts/bannedPhraseGuard.js';
import type { BannedPhraseStore } from './bannedPhraseStore.js';

/** The banned-phrase guard over the admins' current list; edits apply to the next check. */
export class GuardService {
  private guard = new BannedPhraseGuard([]);
  /** Hears every edit made here, so other instances can reload. */
  onChange: () => void = () => undefined;

  constructor(private readonly store: BannedPhraseStore) {}

  /** Seeds the default list once, then loads the list. */
  async start(): Promise<void> {
    await this.store.seedOnce(DEFAULT_BANNED_PHRASES);
    await this.reload();
  }

  async reload(): Promise<void> {
    this.guard = new BannedPhraseGuard(await this.store.all());
  }

  check(text: string, locale?: Locale): Violation[] {
    return this.guard.check(text, locale);
  }

  rewrite(text: string, violations: Violation[]): string {
    return this.guard.rewrite(text, violations);
  }

  list(): Promise<BannedPhrase[]> {
    return this.store.all();
  }

  async put(phrase: BannedPhrase): Promise<{ created: boolean }> {
    const result = await this.store.put(phrase);
    await this.reload();
    this.onChange();
    return result;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    if (deleted) {
      await this.reload();
      this.onChange();
    }
    return deleted;
  }

  async import(phrases: readonly BannedPhrase[], mode: 'merge' | 'replace'): Promise<{ imported: number }> {
    const result = await this.store.import(phrases, mode);
    await this.reload();
    this.onChange();
    return result;
  }
}
