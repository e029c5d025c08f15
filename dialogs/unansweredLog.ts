import type { Locale } from '../knowledge/faqEntry.js';

/** Why a question landed in the inbox. */
export type UnansweredReason = 'noMatch' | 'unhelpful' | 'humanRequested';

export interface UnansweredQuestion {
  readonly text: string;
  readonly locale: Locale;
  readonly conversationId: string;
  readonly reason: UnansweredReason;
}

/** Which group of questions: those whose text normalises alike, in one locale. */
export interface UnansweredGroupKey {
  readonly locale: Locale;
  readonly normalized: string;
}

/** Questions asked alike, grouped by their normalised text, newest first. */
export interface UnansweredGroup extends UnansweredGroupKey {
  /** The most recent wording of the question. */
  readonly text: string;
  readonly count: number;
  readonly reasons: UnansweredReason[];
  readonly lastAskedAt: number;
}

/**
 * The inbox of questions the bot could not answer well; admins turn them into FAQ entries.
 * Only open questions are listed: once handled they leave the inbox, and the same question
 * asked again later (still unanswered) opens the group anew.
 */
export interface UnansweredLog {
  record(question: UnansweredQuestion): Promise<void>;
  /** Open groups, most asked first. */
  groups(limit: number): Promise<UnansweredGroup[]>;
  /** One open group; undefined when none of its questions is open. */
  group(key: UnansweredGroupKey): Promise<UnansweredGroup | undefined>;
  /**
   * Marks every open question of the group handled, with the FAQ entry that now covers it
   * (null when dismissed); returns how many questions left the inbox.
   */
  resolve(key: UnansweredGroupKey, faqId: string | null): Promise<number>;
}
