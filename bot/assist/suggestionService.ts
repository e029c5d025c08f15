import type { Locale } from '../../knowledge/faqEntry.js';
import type { ReplyScript } from '../../scripts/replyScripts.js';
import { suggestReplies, type FaqLookup, type Suggestion } from '../../scripts/suggestionEngine.js';
import type { ConversationView } from '../handoff/handoffService.js';

/**
 * Suggested replies for agents, from the script library and the FAQ. `scripts` is read for every
 * suggestion, so the admins' edits apply to the next one (e.g. `() => library.scripts`).
 */
export class SuggestionService {
  constructor(
    private readonly faq: FaqLookup,
    private readonly scripts: () => readonly ReplyScript[],
  ) {}

  /** The next replies for a conversation an agent is looking at. */
  forConversation(view: ConversationView): Suggestion[] {
    const { handoff, transcript, ticket } = view;
    return suggestReplies(
      {
        locale: handoff.locale,
        customerMessages: transcript.filter((m) => m.role === 'customer').map((m) => m.text),
        reasons: handoff.reasons,
        agentMessageCount: transcript.filter((m) => m.role === 'agent').length,
        vars: {
          customerName: handoff.customer.name,
          ...(handoff.agentName ? { agentName: handoff.agentName } : {}),
          ...(ticket?.orderId ? { orderId: ticket.orderId } : {}),
        },
      },
      { scripts: this.scripts(), faq: this.faq },
    );
  }

  /** Replies for a customer message out of context (an agent already in the conversation). */
  forText(text: string, locale: Locale): Suggestion[] {
    return suggestReplies({ locale, customerMessages: [text], reasons: [], agentMessageCount: 1 }, { scripts: this.scripts(), faq: this.faq });
  }
}
