import type { Locale } from '../knowledge/faqEntry.js';

/** Why a question landed in the inbox. */
export type UnansweredReason = 'noMatch' | 'unhelpful' | 'humanRequested';

export interface UnansweredQuestion {
  readonly text: string;
  readonly locale: Locale;
  readonly conversationId: string;
  readonly reason: UnansweredReason;
}

/** Questions asked alike, grouped by their normalised text, newest first. */
export interface UnansweredGroup {
  readonly text: string;
  readonly normalized: string;
  readonly locale: Locale;
  readonly count: number;
  readonly reasons: UnansweredReason[];
  readonly lastAskedAt: number;
}

/** The inbox of questions the bot could not answer well; admins turn them into FAQ entries. */
export interface UnansweredLog {
  record(question: UnansweredQuestion): Promise<void>;
  groups(limit: number): Promise<UnansweredGroup[]>;
}
