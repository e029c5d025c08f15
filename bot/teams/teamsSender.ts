import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { threadIdOf, type HandoffThread, type TeamsChannel } from './teamsThreadStore.js';

// botbuilder types the audience as a string but falls back to the channel's default scope only
// when it is missing, as TeamsInfo does by passing null.
const DEFAULT_AUDIENCE = undefined as unknown as string;

/** An outgoing Teams message: text, cards, or both. */
export type TeamsMessage = Partial<Activity>;

/** What the agents' side needs of Teams' Bot Connector API. */
export interface TeamsSender {
  /** Starts a new thread in a channel; resolves with the thread. */
  post(channel: TeamsChannel, message: TeamsMessage): Promise<{ threadId: string; rootActivityId: string }>;
  /** Replies inside a thread. */
  reply(thread: HandoffThread, message: TeamsMessage): Promise<void>;
  /** Replaces the thread's root card (e.g. to show who took the conversation). */
  updateRoot(thread: HandoffThread, message: TeamsMessage): Promise<void>;
  /** A one-to-one message to a member of the agents' team, which only they see. */
  direct(channel: TeamsChannel, userId: string, message: TeamsMessage): Promise<void>;
}

/** Teams through botbuilder's CloudAdapter: proactive messages into the agents' channel. */
export class CloudTeamsSender implements TeamsSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async post(channel: TeamsChannel, message: TeamsMessage): Promise<{ threadId: string; rootActivityId: string }> {
    let rootActivityId: string | undefined;
    await this.continue(channel, channel.channelId, async (context) => {
      rootActivityId = (await context.sendActivity(message))?.id;
    });
    if (!rootActivityId) throw new Error('CloudTeamsSender.post: Teams returned no message id');
    return { threadId: threadIdOf(channel.channelId, rootActivityId), rootActivityId };
  }

  async reply(thread: HandoffThread, message: TeamsMessage): Promise<void> {
    await this.continue(thread.channel, thread.threadId, async (context) => {
      await context.sendActivity(message);
    });
  }

  async updateRoot(thread: HandoffThread, message: TeamsMessage): Promise<void> {
    await this.continue(thread.channel, thread.threadId, async (context) => {
      await context.updateActivity({ ...message, id: thread.cardActivityId, type: 'message' });
    });
  }

  async direct(channel: TeamsChannel, userId: string, message: TeamsMessage): Promise<void> {
    const parameters = {
      isGroup: false,
      members: [{ id: userId, name: '' }],
      tenantId: channel.tenantId,
      channelData: channel.tenantId ? { tenant: { id: channel.tenantId } } : {},
    } as ConversationParameters;
    await this.adapter.createConversationAsync(this.appId, 'msteams', channel.serviceUrl, DEFAULT_AUDIENCE, parameters, async (context) => {
      await context.sendActivity(message);
    });
  }

  private continue(channel: TeamsChannel, conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: channel.tenantId, name: '' },
    } as Partial<ConversationReference>;
    return this.adapter.continueConversationAsync(this.appId, reference, logic);
  }
}
