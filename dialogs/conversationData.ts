import type { Locale } from '../knowledge/faqEntry.js';

/** What the bot remembers about a conversation between turns (kept in conversation state). */
export interface ConversationData {
  locale?: Locale;
  /** The last answer given, which "was this helpful?" refers to. */
  lastAnswer?: { faqId: string; question: string };
  /** The question behind the last "did you mean" (for the inbox if none fits). */
  lastQuestion?: string;
  /** Consecutive questions the bot could not answer. */
  unansweredStreak: number;
  /** Consecutive answers marked unhelpful. */
  unhelpfulStreak: number;
}

export const newConversationData = (): ConversationData => ({ unansweredStreak: 0, unhelpfulStreak: 0 });
