import type { ConversationReference } from 'botbuilder';
import type { Locale } from '../knowledge/faqEntry.js';
import type { KnownCustomer, TriageDecision } from '../scripts/triageTypes.js';

/** Where a conversation stands with the people behind the bot. */
export type DeskStatus = { readonly state: 'none' } | { readonly state: 'waiting' | 'active'; readonly handoffId: string; readonly vip: boolean };

export interface HandoffRequest {
  readonly reference: Partial<ConversationReference>;
  readonly customer: { readonly id: string; readonly name: string } & Partial<KnownCustomer>;
  readonly decision: TriageDecision;
  readonly locale: Locale;
  /** What the customer last wrote (the ticket's content when nobody can take it now). */
  readonly text: string;
  readonly complaint?: { readonly content: string; readonly orderId?: string; readonly contact?: string };
}

/** What the customer is told after asking for a person. */
export interface HandoffOutcome {
  /** Customers waiting ahead of this one. */
  readonly ahead: number;
  /** Whether an agent can take it now (on duty and online). */
  readonly staffed: boolean;
  readonly ticketId?: string;
}

/** The human side of service, as the customer conversation needs it; owned by the dialogs. */
export interface HandoffDesk {
  status(conversationId: string): Promise<DeskStatus>;
  /** The customer as the server's directory knows them (never from client data). */
  customer(userId: string): Promise<(KnownCustomer & { name: string }) | undefined>;
  request(request: HandoffRequest): Promise<HandoffOutcome>;
  /** The customer changed their mind while waiting. */
  cancel(conversationId: string): Promise<void>;
  rate(handoffId: string, rating: number): Promise<void>;
  /** The customer's answer to "how likely are you to recommend us" (0-10). */
  recommend(handoffId: string, score: number): Promise<void>;
}
