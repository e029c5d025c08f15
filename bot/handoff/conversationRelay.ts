import type { ConversationReference, TurnContext } from 'botbuilder';

/** Reaches a customer again in whatever channel they wrote from (a proactive turn). */
export interface ConversationRelay {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}
