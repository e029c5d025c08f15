import type { ConversationReference } from 'botbuilder';
import type { Locale } from '../../knowledge/faqEntry.js';
import type { Priority, Tier, TriageReason } from '../../scripts/triageTypes.js';

export type HandoffStatus = 'waiting' | 'active' | 'closed';

/** A conversation handed to people: who, why, how urgent, and who holds it. */
export interface Handoff {
  readonly id: string;
  readonly conversationId: string;
  readonly customer: { readonly id: string; readonly name: string; readonly tier: Tier };
  readonly reasons: TriageReason[];
  readonly priority: Priority;
  readonly status: HandoffStatus;
  readonly agentId?: string;
  readonly agentName?: string;
  readonly locale: Locale;
  /** Where to reach the customer again (a proactive message). */
  readonly reference: Partial<ConversationReference>;
  readonly ticketId?: string;
  readonly rating?: number;
  /** The customer's "would you recommend us" answer, 0-10. */
  readonly nps?: number;
  readonly createdAt: number;
  readonly acceptedAt?: number;
  readonly closedAt?: number;
}

export type NewHandoff = Omit<Handoff, 'id' | 'status' | 'createdAt' | 'agentId' | 'agentName' | 'acceptedAt' | 'closedAt' | 'rating' | 'nps'>;

/** `first`: this call made the claim (false when the same agent accepts again). */
export type AcceptResult = { readonly ok: true; readonly handoff: Handoff; readonly first: boolean } | { readonly ok: false; readonly reason: 'missing' | 'taken' | 'closed'; readonly handoff?: Handoff };

/** The persisted queue of conversations waiting for, or held by, an agent. */
export interface HandoffQueue {
  /** Queues a conversation; returns the open handoff if it already has one. */
  enqueue(handoff: NewHandoff): Promise<{ handoff: Handoff; created: boolean }>;
  /** The open (waiting or active) handoff of a conversation, else the latest one. */
  forConversation(conversationId: string): Promise<Handoff | undefined>;
  /** Open handoffs, in the order they are served: priority, then waiting time. */
  open(): Promise<Handoff[]>;
  /** Exactly one agent gets a waiting conversation; the same agent accepting again is fine. */
  accept(conversationId: string, agent: { id: string; name: string }): Promise<AcceptResult>;
  close(conversationId: string): Promise<Handoff | undefined>;
  /** Records the 1-5 rating of a closed handoff, once. */
  rate(handoffId: string, rating: number): Promise<void>;
  /** Records the 0-10 NPS answer of a closed handoff, once. */
  recommend(handoffId: string, score: number): Promise<void>;
  /** Places ahead of this conversation among the waiting ones (0 = next). */
  position(conversationId: string): Promise<number>;
}

export const PRIORITY_RANK: Record<Priority, number> = { vip: 0, high: 1, normal: 2 };
