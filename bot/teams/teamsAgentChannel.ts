import type { Logger } from 'pino';
import type { SuggestionService } from '../assist/suggestionService.js';
import type { HandoffEvent, HandoffEvents } from '../handoff/handoffEvents.js';
import type { ConversationView, HandoffService } from '../handoff/handoffService.js';
import { customerMessageCard, handoffCard } from './handoffCards.js';
import type { TeamsSender } from './teamsSender.js';
import type { HandoffThread, TeamsChannel, TeamsThreadStore } from './teamsThreadStore.js';

export interface TeamsAgentChannelOptions {
  readonly store: TeamsThreadStore;
  readonly sender: TeamsSender;
  readonly handoffs: Pick<HandoffService, 'view'>;
  readonly suggestions: SuggestionService;
  readonly events: HandoffEvents;
  /** A channel named in the configuration; wins over one captured on installation. */
  readonly configured?: TeamsChannel;
  readonly log: Logger;
}

/**
 * The agents' channel in Teams: every new handoff becomes a thread that starts with a card
 * (customer, tier, reasons, last messages, a suggested first reply, Accept); the card follows the
 * handoff (taken, closed) wherever it was accepted; once taken, each customer message appears in
 * the thread with suggested replies. Work for one conversation is done in order.
 */
export class TeamsAgentChannel {
  private current?: TeamsChannel;
  private readonly chains = new Map<string, Promise<void>>();
  private stop?: () => void;

  constructor(private readonly o: TeamsAgentChannelOptions) {}

  /** Loads the channel and starts following handoff events. */
  async start(): Promise<void> {
    this.current = this.o.configured ?? (await this.o.store.channel());
    // Each event is posted once, by the instance where it happened.
    this.stop ??= this.o.events.watchLocal((event) => this.schedule(event));
  }

  close(): void {
    this.stop?.();
    this.stop = undefined;
  }

  /** Where handoffs go now, if anywhere. */
  get channel(): TeamsChannel | undefined {
    return this.current;
  }

  /** Hears a channel captured here, so other instances can `refresh`. */
  onCapture: () => void = () => undefined;

  /** Re-reads the captured channel (another instance was installed in a team). */
  async refresh(): Promise<void> {
    this.current = this.o.configured ?? (await this.o.store.channel());
  }

  /** Remembers the channel the bot was installed in (a configured channel still wins). */
  async capture(channel: TeamsChannel): Promise<void> {
    await this.o.store.saveChannel(channel);
    this.current = this.o.configured ?? channel;
    this.onCapture();
    this.o.log.info({ teamId: channel.teamId, channelId: channel.channelId }, 'agents\' Teams channel captured on installation');
  }

  /** Resolves when everything scheduled so far has been posted (or failed and been logged). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private schedule(event: HandoffEvent): void {
    if (!this.current || !('conversationId' in event)) return;
    if (event.type === 'message' && event.role !== 'customer') return;
    const { conversationId } = event;
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(event, conversationId))
      .catch((err: unknown) => this.o.log.error({ err, conversationId, event: event.type }, 'could not update the agents\' Teams channel'))
      .finally(() => {
        if (this.chains.get(conversationId) === next) this.chains.delete(conversationId);
      });
    this.chains.set(conversationId, next);
  }

  private async handle(event: HandoffEvent, conversationId: string): Promise<void> {
    const view = await this.o.handoffs.view(conversationId);
    if (!view) return;
    if (event.type === 'queued') await this.postHandoff(view);
    else if (event.type === 'status') await this.updateCard(view);
    else if (event.type === 'message' && view.handoff.status === 'active') await this.postCustomerMessage(view, event.text);
  }

  private async postHandoff(view: ConversationView): Promise<void> {
    const channel = this.current;
    if (!channel) return;
    const suggestion = this.o.suggestions.forConversation(view)[0];
    const card = handoffCard({ ...view, ...(suggestion ? { suggestion } : {}) });
    const { threadId, rootActivityId } = await this.o.sender.post(channel, { type: 'message', attachments: [card], summary: `转人工 Handoff: ${view.handoff.customer.name}` });
    const thread: HandoffThread = { handoffId: view.handoff.id, conversationId: view.handoff.conversationId, threadId, cardActivityId: rootActivityId, channel };
    await this.o.store.saveThread(thread);
    this.o.log.info({ conversationId: thread.conversationId, handoffId: thread.handoffId }, 'handoff posted to the agents\' Teams channel');
  }

  private async updateCard(view: ConversationView): Promise<void> {
    const thread = await this.o.store.forHandoff(view.handoff.id);
    if (!thread) return;
    await this.o.sender.updateRoot(thread, { type: 'message', attachments: [handoffCard(view)] });
  }

  private async postCustomerMessage(view: ConversationView, text: string): Promise<void> {
    const thread = await this.o.store.forHandoff(view.handoff.id);
    if (!thread) return;
    const suggestions = this.o.suggestions.forConversation(view);
    await this.o.sender.reply(thread, { type: 'message', attachments: [customerMessageCard(view.handoff, text, suggestions)] });
  }
}
