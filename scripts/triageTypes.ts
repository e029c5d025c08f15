import type { Locale } from '../knowledge/faqEntry.js';

/** Customer tiers, lowest first, as the shop's customer directory records them. */
export const TIERS = ['regular', 'silver', 'gold', 'diamond'] as const;
export type Tier = (typeof TIERS)[number];

/** Who is served first: VIP customers, then complaints, then everyone else. */
export type Priority = 'vip' | 'high' | 'normal';

/**
 * Why a conversation should go to a person. `complaint`: complaint or escalation intent
 * (投诉, 差评, 维权, legal action, a supervisor); `anger`: abuse, accusations, threats to go
 * public, strong negative emotion; `humanRequested`: the customer asks for a person;
 * `botFailure`: two unanswered questions or two unhelpful answers in a row; `repeatContact`:
 * the customer says they have asked about this before; `vip`: a high-value customer.
 */
export type TriageReason = 'complaint' | 'anger' | 'humanRequested' | 'botFailure' | 'repeatContact' | 'vip';

/** A customer as the server knows them (directory or signed claim; never unsigned client data). */
export interface KnownCustomer {
  readonly tier: Tier;
  readonly lifetimeValue: number;
}

/** When a customer counts as VIP: this tier or above, or this much spent. */
export interface VipPolicy {
  readonly minTier: Tier;
  readonly minLifetimeValue: number;
}

export const DEFAULT_VIP_POLICY: VipPolicy = { minTier: 'gold', minLifetimeValue: 10_000 };

/** One customer message with what the conversation knows around it. */
export interface TriageInput {
  readonly text: string;
  readonly locale?: Locale;
  /** Consecutive questions the bot could not answer before this message. */
  readonly unansweredStreak: number;
  /** Consecutive answers the customer marked unhelpful before this message. */
  readonly unhelpfulStreak: number;
  /** Earlier customer messages in this conversation, oldest first. */
  readonly previousMessages: readonly string[];
  readonly customer?: KnownCustomer;
}

/** The decision, as `POST /api/assist/triage` returns it. */
export interface TriageDecision {
  readonly handoff: boolean;
  readonly priority: Priority;
  readonly reasons: TriageReason[];
}
