import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { HandoffEvents } from './handoffEvents.js';
import { AGENT_CHANNEL_DATA } from './handoffService.js';
import type { TranscriptRole, TranscriptStore } from './transcriptStore.js';

/**
 * Records every message of every conversation, whichever adapter carries it: the customer's
 * as they arrive, the bot's and the agents' as they are sent. Each one is also announced to the
 * agents' live views.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly events: HandoffEvents,
    /** Conversations that are not a customer's (e.g. the agents' own team in Teams). */
    private readonly skip: (activity: Activity) => boolean = () => false,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    if (this.skip(incoming)) {
      await next();
      return;
    }
    if (incoming.type === 'message' && incoming.text) await this.record(incoming.conversation.id, 'customer', incoming.text);
    context.onSendActivities(async (_ctx, activities, send) => {
      const responses = await send();
      for (const a of activities) {
        if (a.type !== 'message' || !a.text) continue;
        const agentId = agentOf(a);
        await this.record(a.conversation?.id ?? incoming.conversation.id, agentId ? 'agent' : 'bot', a.text, agentId);
      }
      return responses;
    });
    await next();
  }

  private async record(conversationId: string, role: TranscriptRole, text: string, agentId?: string): Promise<void> {
    const m = await this.transcripts.append({ conversationId, role, text, ...(agentId ? { agentId } : {}) });
    this.events.publish({ type: 'message', conversationId, role, text, at: m.createdAt, ...(agentId ? { agentId } : {}) });
  }
}

function agentOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as Record<string, unknown> | undefined;
  const id = data?.[AGENT_CHANNEL_DATA];
  return typeof id === 'string' ? id : undefined;
}
