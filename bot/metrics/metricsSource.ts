import type { Locale } from '../../knowledge/faqEntry.js';
import type { TriageReason } from '../../scripts/triageTypes.js';
import type { TranscriptRole } from '../handoff/transcriptStore.js';
import type { MetricsData } from './serviceMetrics.js';

/** An agent-handled, closed conversation with what quality inspection reads. */
export interface ClosedConversation {
  readonly conversationId: string;
  readonly handoffId: string;
  readonly agentId: string;
  readonly agentName: string;
  readonly customerName: string;
  readonly locale: Locale;
  readonly reasons: readonly TriageReason[];
  readonly acceptedAt: number;
  readonly closedAt: number;
  readonly rating?: number;
  readonly messages: ReadonlyArray<{ readonly role: TranscriptRole; readonly text: string; readonly at: number; readonly agentId?: string }>;
  /** Replies this agent sent in this conversation despite a banned-phrase warning. */
  readonly overrides: number;
}

/** Running totals and current states, for the operations endpoint (Prometheus). */
export interface ServiceCounters {
  readonly conversations: number;
  readonly messages: Readonly<Record<TranscriptRole, number>>;
  readonly handoffsByStatus: Readonly<Record<'waiting' | 'active' | 'closed', number>>;
  readonly handoffsByReason: Readonly<Record<TriageReason, number>>;
  readonly ticketsByStatus: Readonly<Record<'open' | 'resolved', number>>;
  readonly guardWarnings: number;
  readonly guardOverrides: number;
  /** Ratings given, by value 1-5. */
  readonly ratings: readonly number[];
  readonly unansweredOpen: number;
}

/** Where the metrics come from; owned by the metrics, implemented over the stores' tables. */
export interface MetricsSource {
  /** What happened in [from, to] (epoch ms). */
  load(from: number, to: number): Promise<MetricsData>;
  /** Agent-handled conversations closed in [from, to], newest first, at most `limit`. */
  closedConversations(from: number, to: number, limit: number): Promise<ClosedConversation[]>;
  /** One conversation's latest closed handoff, if an agent handled it. */
  closedConversation(conversationId: string): Promise<ClosedConversation | undefined>;
  counters(): Promise<ServiceCounters>;
}
