import { TurnContext, type Activity, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type Attachment, type ChannelAccount } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AgentReplies } from '../assist/agentReplies.js';
import type { Handoff } from '../handoff/handoffQueue.js';
import type { HandoffService } from '../handoff/handoffService.js';
import { CARD_VERBS, guardWarningCard, handoffCard, sentCard } from './handoffCards.js';
import type { TeamsAgentChannel } from './teamsAgentChannel.js';
import type { TeamsSender } from './teamsSender.js';
import type { TeamsThreadStore } from './teamsThreadStore.js';

export interface TeamsAgentDeskOptions {
  readonly channel: TeamsAgentChannel;
  readonly store: TeamsThreadStore;
  readonly sender: TeamsSender;
  readonly handoffs: Pick<HandoffService, 'accept' | 'close' | 'view'>;
  readonly replies: AgentReplies;
  readonly log: Logger;
}

const Ids = { handoffId: z.string().min(1).max(256), conversationId: z.string().min(1).max(1024) };
const CardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(CARD_VERBS.accept), ...Ids }),
  z.object({ verb: z.literal(CARD_VERBS.close), ...Ids }),
  z.object({ verb: z.literal(CARD_VERBS.send), ...Ids, text: z.string().trim().min(1).max(5000), force: z.boolean().optional() }),
]);
type CardAction = z.infer<typeof CardActionSchema>;

/** An agent's messages in a thread that start like this are notes for colleagues, not for the customer. */
const NOTE_PREFIX = '//';

const cardResponse = (card: Attachment): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> });
const messageResponse = (message: string): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> });
const errorResponse = (message: string): AdaptiveCardInvokeResponse => ({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } });

/** The agent behind a Teams activity; the same id the console uses inside Teams. */
export function teamsAgent(from: ChannelAccount): { id: string; name: string } {
  return { id: `teams-${from.aadObjectId ?? from.id}`, name: from.name || 'Agent' };
}

/**
 * The agents' side of the bot in Teams: remembers the team it is installed in, answers the card
 * buttons (Accept, Close, send a suggested reply, send anyway) and relays the holder's messages in
 * a handoff thread to the customer through the banned-phrase guard, warning them privately.
 */
export class TeamsAgentDesk {
  constructor(private readonly o: TeamsAgentDeskOptions) {}

  /** Whether an activity comes from a team (the agents' side), never from a customer. */
  static isAgentSide(activity: Activity): boolean {
    const data = activity.channelData as { team?: unknown } | undefined;
    return activity.channelId === 'msteams' && (activity.conversation?.conversationType === 'channel' || data?.team !== undefined);
  }

  /** The bot was added to a team: its General channel becomes the agents' channel. */
  async onInstalled(context: TurnContext): Promise<void> {
    const a = context.activity;
    const data = (a.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string }; tenant?: { id?: string } };
    const channelId = data.channel?.id ?? data.team?.id ?? a.conversation.id;
    const tenantId = data.tenant?.id ?? a.conversation.tenantId;
    await this.o.channel.capture({
      serviceUrl: a.serviceUrl,
      channelId,
      ...(tenantId ? { tenantId } : {}),
      ...(data.team?.id ? { teamId: data.team.id } : {}),
      ...(data.team?.name ? { teamName: data.team.name } : {}),
    });
    const where = this.o.channel.channel?.channelId === channelId ? '这里 here' : '配置的频道 the configured channel';
    await context.sendActivity(`👋 转人工的会话会发到${where}。点「接入 Accept」接待顾客,在帖子里回复即可发给顾客(以 ${NOTE_PREFIX} 开头的是内部备注)。\nHandoffs will be posted ${where === '这里 here' ? 'here' : 'to the configured channel'}: press Accept, then reply in the thread to write to the customer (start with ${NOTE_PREFIX} for a note to colleagues).`);
  }

  /** A message in the agents' team: relayed to the customer when its author holds the thread's handoff. */
  async onMessage(context: TurnContext): Promise<void> {
    const mentioned = TurnContext.getMentions(context.activity).some((m) => m.mentioned.id === context.activity.recipient.id);
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
    const thread = await this.o.store.forThread(context.activity.conversation.id);
    if (!thread || !text || text.startsWith(NOTE_PREFIX)) {
      if (mentioned && !thread) await context.sendActivity('我只在转人工的帖子里转发消息。Reply inside a handoff thread to write to its customer.');
      return;
    }
    const agent = teamsAgent(context.activity.from);
    const view = await this.o.handoffs.view(thread.conversationId);
    if (!view || view.handoff.id !== thread.handoffId) return;
    const result = await this.o.replies.send({ conversationId: thread.conversationId, agentId: agent.id, text });
    if (result.outcome === 'blocked') {
      await this.warnPrivately(context, view.handoff, text, result);
    } else if (result.outcome !== 'sent' && mentioned) {
      await context.sendActivity(this.notHeld(view.handoff));
    }
  }

  /** The card buttons (`adaptiveCard/action` with `Action.Execute`). */
  async onCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const parsed = CardActionSchema.safeParse({ ...(value.action.data as Record<string, unknown> | undefined), verb: value.action.verb });
    if (!parsed.success) return errorResponse(`Unknown or incomplete card action: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const action = parsed.data;
    const agent = teamsAgent(context.activity.from);
    const view = await this.o.handoffs.view(action.conversationId);
    if (!view || view.handoff.id !== action.handoffId) return messageResponse('这次转接已结束 This handoff is over.');
    this.o.log.info({ conversationId: action.conversationId, verb: action.verb, agentId: agent.id }, 'Teams card action');
    return this.act(action, agent, view.handoff);
  }

  private async act(action: CardAction, agent: { id: string; name: string }, handoff: Handoff): Promise<AdaptiveCardInvokeResponse> {
    switch (action.verb) {
      case CARD_VERBS.accept: {
        await this.o.handoffs.accept(action.conversationId, agent);
        // Taken by this agent or by someone faster: either way the card shows who holds it now.
        const view = await this.o.handoffs.view(action.conversationId);
        return view ? cardResponse(handoffCard(view)) : messageResponse('这次转接已结束 This handoff is over.');
      }
      case CARD_VERBS.close: {
        if (handoff.status !== 'active' || handoff.agentId !== agent.id) return messageResponse(this.notHeld(handoff));
        await this.o.handoffs.close(action.conversationId);
        const view = await this.o.handoffs.view(action.conversationId);
        return view ? cardResponse(handoffCard(view)) : messageResponse('已结束 Closed.');
      }
      case CARD_VERBS.send: {
        const result = await this.o.replies.send({ conversationId: action.conversationId, agentId: agent.id, text: action.text, force: action.force ?? false });
        if (result.outcome === 'sent') return cardResponse(sentCard(handoff, action.text, agent.name));
        if (result.outcome === 'blocked') return cardResponse(guardWarningCard(handoff, action.text, result.violations, result.rewrite));
        return messageResponse(this.notHeld(handoff));
      }
    }
  }

  private notHeld(h: Handoff): string {
    if (h.status === 'waiting') return '请先点「接入 Accept」。Press Accept before replying.';
    if (h.status === 'closed') return '这次会话已结束。This conversation is closed.';
    return `${h.agentName ?? h.agentId ?? ''} 正在接待这位顾客。${h.agentName ?? 'Another agent'} holds this conversation.`;
  }

  /** The warning goes to the agent alone (a 1:1 chat); if Teams refuses, into the thread rather than nowhere. */
  private async warnPrivately(context: TurnContext, h: Handoff, draft: string, result: { violations: Parameters<typeof guardWarningCard>[2]; rewrite: string }): Promise<void> {
    const card = guardWarningCard(h, draft, result.violations, result.rewrite);
    const thread = await this.o.store.forHandoff(h.id);
    try {
      if (!thread) throw new Error('no thread');
      await this.o.sender.direct(thread.channel, context.activity.from.id, { type: 'message', attachments: [card] });
    } catch (err) {
      this.o.log.warn({ err, conversationId: h.conversationId }, 'could not warn the agent privately; warning in the thread');
      await context.sendActivity({ type: 'message', attachments: [card] });
    }
  }
}
