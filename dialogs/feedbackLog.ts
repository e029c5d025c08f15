import type { Locale } from '../knowledge/faqEntry.js';

/** A customer's "was this helpful?" answer about one FAQ answer. */
export interface Feedback {
  readonly faqId: string;
  readonly conversationId: string;
  readonly helpful: boolean;
  /** The question the customer asked. */
  readonly question: string;
  readonly locale: Locale;
}

/** Where answer feedback is kept; owned by the dialogs that collect it. */
export interface FeedbackLog {
  record(feedback: Feedback): Promise<void>;
}
