import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { DirectLineHub } from './directLineHub.js';
import type { DirectLineStore } from './directLineStore.js';

/**
 * The adapter for our own Direct Line channel: the bot's replies are appended to the channel's
 * transcript and pushed to open streams in-process, instead of being POSTed to a Connector
 * service. Turns run through the same bot logic and middleware as every other channel.
 */
export class DirectLineBotAdapter extends BotAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly hub: DirectLineHub,
    readonly botAccount: ChannelAccount,
  ) {
    super();
  }

  /** Runs one turn for an activity the channel received. */
  async processActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const stored = await this.store.append(conversationId, {
        ...activity,
        from: activity.from ?? this.botAccount,
        channelId: 'directline',
        timestamp: new Date(),
      });
      this.hub.publish(stored);
      responses.push({ id: stored.id ?? '' });
    }
    return responses;
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('DirectLineBotAdapter.updateActivity: not supported by this channel'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('DirectLineBotAdapter.deleteActivity: not supported by this channel'));
  }

  /**
   * Runs `logic` for a message the bot starts itself (an agent's reply, a follow-up). The
   * reference's activity id is dropped: a reply to an old activity would be held back by Web Chat.
   */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const { activityId: _activityId, ...withoutActivity } = reference;
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, withoutActivity, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
