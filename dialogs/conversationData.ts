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
  /** The customer's last few messages, for repeated-contact triage. */
  recentMessages?: string[];
  /** A VIP is routed to a person once per conversation unless something else calls for it. */
  vipRouted?: boolean;
  /** The waiting notice is sent once per wait. */
  waitingNoticeSent?: boolean;
  /** The closed handoff a typed 1-5 rates. */
  awaitingRatingFor?: string;
  /** The closed handoff whose NPS question (0-10) the bot just asked. */
  awaitingRecommendFor?: string;
}

export const newConversationData = (): ConversationData => ({ unansweredStreak: 0, unhelpfulStreak: 0 });
