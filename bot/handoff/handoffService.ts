import { ActionTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { HANDOFF_MESSAGES } from '../../dialogs/handoffMessages.js';
import type { DeskStatus, HandoffDesk, HandoffOutcome, HandoffRequest } from '../../dialogs/handoffDesk.js';
import { TIERS, type KnownCustomer } from '../../scripts/triageTypes.js';
import type { ConversationRelay } from './conversationRelay.js';
import type { CustomerDirectory } from './customerDirectory.js';
import type { HandoffEvents } from './handoffEvents.js';
import type { AcceptResult, Handoff, HandoffQueue } from './handoffQueue.js';
import { isWithinHours, type ServiceHours } from './serviceHours.js';
import type { Ticket, TicketStore } from './ticketStore.js';
import type { TranscriptMessage, TranscriptStore } from './transcriptStore.js';

export interface HandoffServiceOptions {
  readonly queue: HandoffQueue;
  readonly tickets: TicketStore;
  readonly transcripts: TranscriptStore;
  readonly directory: CustomerDirectory;
  readonly relay: ConversationRelay;
  readonly events: HandoffEvents;
  readonly hours: ServiceHours;
  /** Whether agents can be reached besides live views, e.g. a Teams channel that gets handoffs. */
  readonly agentsReachable?: () => boolean;
  readonly log: Logger;
  readonly now?: () => Date;
}

/** What an agent sees of a conversation. */
export interface ConversationView {
  readonly handoff: Handoff;
  readonly transcript: TranscriptMessage[];
  readonly ticket?: Ticket;
}

/** Marks an activity as an agent's, so the transcript records it as theirs. */
export const AGENT_CHANNEL_DATA = 'shopBotAgentId';

/**
 * The human side of service: queues conversations for agents, opens complaint tickets, lets
 * exactly one agent take a conversation, relays agent replies to the customer's channel, and
 * hands the conversation back to the bot with a satisfaction question when the agent closes it.
 */
export class HandoffService implements HandoffDesk {
  private readonly now: () => Date;
  /** Runs inside the proactive turn that asks for a rating (the bot remembers what is rated). */
  onClosed: (context: TurnContext, handoffId: string) => Promise<void> = () => Promise.resolve();

  constructor(private readonly o: HandoffServiceOptions) {
    this.now = o.now ?? (() => new Date());
  }

  async status(conversationId: string): Promise<DeskStatus> {
    const h = await this.o.queue.forConversation(conversationId);
    if (!h || h.status === 'closed') return { state: 'none' };
    return { state: h.status, handoffId: h.id, vip: h.priority === 'vip' };
  }

  async customer(userId: string): Promise<(KnownCustomer & { name: string }) | undefined> {
    return this.o.directory.get(userId);
  }

  async request(r: HandoffRequest): Promise<HandoffOutcome> {
    const conversationId = r.reference.conversation?.id;
    if (!conversationId) throw new Error('HandoffService.request: the reference has no conversation id');
    const staffed = this.staffed();
    // A complaint always gets a ticket; so does any request nobody can take now, so that the
    // promised reply within 24 hours has something to follow up.
    const ticket =
      r.complaint || !staffed
        ? await this.o.tickets.create({
            conversationId,
            customerId: r.customer.id,
            content: r.complaint?.content ?? r.text,
            ...(r.complaint?.contact ? { contact: r.complaint.contact } : {}),
            ...(r.complaint?.orderId ? { orderId: r.complaint.orderId } : {}),
          })
        : undefined;
    const { handoff, created } = await this.o.queue.enqueue({
      conversationId,
      customer: { id: r.customer.id, name: r.customer.name, tier: r.customer.tier ?? TIERS[0] },
      reasons: r.decision.reasons,
      priority: r.decision.priority,
      locale: r.locale,
      reference: r.reference,
      ...(ticket ? { ticketId: ticket.id } : {}),
    });
    if (created) {
      this.o.log.info({ conversationId, priority: handoff.priority, reasons: handoff.reasons, ticketId: ticket?.id }, 'conversation queued for an agent');
      this.o.events.publish({ type: 'queued', conversationId, handoffId: handoff.id });
      this.o.events.publish({ type: 'queue' });
    }
    return { ahead: await this.o.queue.position(conversationId), staffed, ...(ticket ? { ticketId: ticket.id } : {}) };
  }

  async cancel(conversationId: string): Promise<void> {
    const closed = await this.o.queue.close(conversationId);
    if (!closed) return;
    this.o.events.publish({ type: 'status', conversationId, status: 'closed' });
    this.o.events.publish({ type: 'queue' });
  }

  async rate(handoffId: string, rating: number): Promise<void> {
    await this.o.queue.rate(handoffId, rating);
  }

  async recommend(handoffId: string, score: number): Promise<void> {
    await this.o.queue.recommend(handoffId, score);
  }

  queue(): Promise<Handoff[]> {
    return this.o.queue.open();
  }

  async view(conversationId: string): Promise<ConversationView | undefined> {
    const handoff = await this.o.queue.forConversation(conversationId);
    if (!handoff) return undefined;
    const ticket = handoff.ticketId ? await this.o.tickets.get(handoff.ticketId) : undefined;
    return { handoff, transcript: await this.o.transcripts.list(conversationId, 200), ...(ticket ? { ticket } : {}) };
  }

  async accept(conversationId: string, agent: { id: string; name: string }): Promise<AcceptResult> {
    const result = await this.o.queue.accept(conversationId, agent);
    if (!result.ok || !result.first) return result;
    this.o.events.publish({ type: 'status', conversationId, status: 'active', agentId: agent.id });
    this.o.events.publish({ type: 'queue' });
    const say = HANDOFF_MESSAGES[result.handoff.locale];
    try {
      await this.send(result.handoff, (context) => context.sendActivity(say.agentJoined(agent.name)).then(() => undefined));
    } catch (err) {
      // The claim stands; the agent can still write. Only the courtesy notice was lost.
      this.o.log.error({ err, conversationId }, 'could not tell the customer an agent joined');
    }
    return result;
  }

  /** Sends an agent's reply to the customer; false when the agent does not hold the conversation. */
  async relay(conversationId: string, agentId: string, text: string): Promise<'sent' | 'not_active' | 'not_yours'> {
    const handoff = await this.o.queue.forConversation(conversationId);
    if (!handoff || handoff.status !== 'active') return 'not_active';
    if (handoff.agentId !== agentId) return 'not_yours';
    await this.send(handoff, async (context) => {
      await context.sendActivity({ type: 'message', text, channelData: { [AGENT_CHANNEL_DATA]: agentId } });
    });
    return 'sent';
  }

  /** Hands the conversation back to the bot, which asks the customer for a 1-5 rating. */
  async close(conversationId: string): Promise<Handoff | undefined> {
    const closed = await this.o.queue.close(conversationId);
    if (!closed) return undefined;
    this.o.events.publish({ type: 'status', conversationId, status: 'closed', ...(closed.agentId ? { agentId: closed.agentId } : {}) });
    this.o.events.publish({ type: 'queue' });
    const say = HANDOFF_MESSAGES[closed.locale];
    const stars = [1, 2, 3, 4, 5].map((n) => ({
      type: ActionTypes.MessageBack,
      title: `${n}`,
      text: `${n}`,
      displayText: `${n}`,
      value: { action: 'rate', handoffId: closed.id, rating: n },
    }));
    await this.send(closed, async (context) => {
      await context.sendActivity(MessageFactory.suggestedActions(stars, say.ratingPrompt));
      await this.onClosed(context, closed.id);
    });
    return closed;
  }

  /** Whether an agent can take a conversation now: on duty, and a live view open or agents reachable in Teams. */
  private staffed(): boolean {
    return isWithinHours(this.o.hours, this.now()) && (this.o.events.listeners > 0 || (this.o.agentsReachable?.() ?? false));
  }

  private send(handoff: Handoff, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.o.relay.continueConversation(handoff.reference, logic);
  }
}
