import type { FaqEntry, Locale } from '../knowledge/faqEntry.js';
import type { MatchResult } from '../knowledge/faqMatcher.js';

/** The knowledge base as the conversation needs it; owned by the dialogs, served by the FAQ service. */
export interface FaqAnswerer {
  match(text: string, locale: Locale): MatchResult;
  entry(id: string): FaqEntry | undefined;
}
