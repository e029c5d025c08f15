import type { BannedPhrase } from '../../scripts/bannedPhrases.js';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';

/** The banned-phrase list admins curate; owned by the guard service. */
export interface BannedPhraseStore {
  all(): Promise<BannedPhrase[]>;
  /** Adds or replaces one phrase; `created` tells which. */
  put(phrase: BannedPhrase): Promise<{ created: boolean }>;
  delete(id: string): Promise<boolean>;
  /** Writes every phrase or none; `replace` also removes phrases not in the import. */
  import(phrases: readonly BannedPhrase[], mode: 'merge' | 'replace'): Promise<{ imported: number }>;
  /** Loads the default list once in the store's life. */
  seedOnce(phrases: readonly BannedPhrase[]): Promise<boolean>;
}

/** Replies the guard stopped, and those sent despite the warning, kept for metrics and quality review. */
export interface GuardOverrideLog {
  record(override: { conversationId: string; agentId: string; text: string; violations: readonly Violation[] }): Promise<void>;
  /** A reply held back by the guard (the agent was warned; nothing was sent). */
  recordWarning(warning: { conversationId: string; agentId: string; violations: readonly Violation[] }): Promise<void>;
  count(): Promise<number>;
}
