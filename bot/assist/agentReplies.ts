import type { Logger } from 'pino';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';
import type { GuardOverrideLog } from './bannedPhraseStore.js';
import type { GuardService } from './guardService.js';

/** What became of an agent's reply. */
export type ReplyOutcome =
  | { readonly outcome: 'sent'; readonly overridden: number }
  | { readonly outcome: 'blocked'; readonly violations: Violation[]; readonly rewrite: string }
  | { readonly outcome: 'not_active' }
  | { readonly outcome: 'not_yours' };

export interface AgentReply {
  readonly conversationId: string;
  readonly agentId: string;
  readonly text: string;
  /** Send despite banned phrases; the override is recorded for quality review. */
  readonly force?: boolean;
}

export interface AgentRepliesOptions {
  readonly guard: GuardService;
  readonly overrides: GuardOverrideLog;
  /** Delivers the reply to the customer, if this agent holds the conversation. */
  readonly relay: (conversationId: string, agentId: string, text: string) => Promise<'sent' | 'not_active' | 'not_yours'>;
  readonly log: Logger;
}

/**
 * The one way an agent's reply reaches a customer, from the console, the API or a Teams thread:
 * the banned-phrase guard first (a violation stops the reply and offers a rewrite), then the
 * relay, then a record of any override.
 */
export class AgentReplies {
  constructor(private readonly o: AgentRepliesOptions) {}

  async send(reply: AgentReply): Promise<ReplyOutcome> {
    const violations = this.o.guard.check(reply.text);
    if (violations.length > 0 && !reply.force) {
      await this.o.overrides.recordWarning({ conversationId: reply.conversationId, agentId: reply.agentId, violations });
      return { outcome: 'blocked', violations, rewrite: this.o.guard.rewrite(reply.text, violations) };
    }
    const delivered = await this.o.relay(reply.conversationId, reply.agentId, reply.text);
    if (delivered !== 'sent') return { outcome: delivered };
    if (violations.length > 0) {
      await this.o.overrides.record({ conversationId: reply.conversationId, agentId: reply.agentId, text: reply.text, violations });
      this.o.log.warn({ conversationId: reply.conversationId, agentId: reply.agentId, categories: violations.map((v) => v.category) }, 'banned phrase sent with force');
    }
    return { outcome: 'sent', overridden: violations.length };
  }
}
