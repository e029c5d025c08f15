import {
  ActionTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  MessageFactory,
  TeamsActivityHandler,
  type ConversationState,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { AgentMessageExtension } from './teams/agentMessageExtension.js';
import { TeamsAgentDesk } from './teams/teamsAgentDesk.js';
import type { DialogState } from 'botbuilder-dialogs';
import { localeFromTag } from '../knowledge/localeDetector.js';
import { BOT_MESSAGES } from '../dialogs/botMessages.js';
import type { MainDialog } from '../dialogs/mainDialog.js';

export interface CustomerBotOptions {
  readonly conversationState: ConversationState;
  /** Hears `handoff.status` events from a channel hub (accepted, failed, completed). */
  readonly onHandoffStatus?: (conversationId: string, state: string, message?: string) => Promise<void>;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly mainDialog: MainDialog;
  /** The agents' Teams message extension (script search, draft check). */
  readonly messageExtension?: AgentMessageExtension;
  /** The agents' side in Teams: handoff threads and card buttons. Team conversations never reach the customer dialog. */
  readonly teamsDesk?: TeamsAgentDesk;
}

/**
 * The bot customers talk to in any channel: greets a newcomer with the standard opening and
 * hands every message to the main dialog; conversation state is saved after each turn.
 */
export class CustomerBot extends TeamsActivityHandler {
  constructor(private readonly options: CustomerBotOptions) {
    super();
    this.onMembersAdded(async (context, next) => {
      if (TeamsAgentDesk.isAgentSide(context.activity)) {
        const installed = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
        if (installed) await this.options.teamsDesk?.onInstalled(context);
        await next();
        return;
      }
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (newcomers.length > 0) await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'handoff.status') {
        const value = (context.activity.value ?? {}) as { state?: string; message?: string };
        await this.options.onHandoffStatus?.(context.activity.conversation.id, value.state ?? 'unknown', value.message);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (TeamsAgentDesk.isAgentSide(context.activity)) await this.options.teamsDesk?.onMessage(context);
      else await this.options.mainDialog.run(context, this.options.dialogState);
      await next();
    });
  }

  protected override handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (!this.options.messageExtension) return super.handleTeamsMessagingExtensionQuery(context, query);
    return Promise.resolve(this.options.messageExtension.query(query, context.activity.locale));
  }

  protected override handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (!this.options.messageExtension) return super.handleTeamsMessagingExtensionSubmitAction(context, action);
    return Promise.resolve(this.options.messageExtension.submitAction(action));
  }

  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!this.options.teamsDesk) return super.onAdaptiveCardInvoke(context, value);
    return this.options.teamsDesk.onCardAction(context, value);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const say = BOT_MESSAGES[localeFromTag(context.activity.locale)];
    const starters = say.starterQuestions.map((q) => ({ type: ActionTypes.ImBack, title: q, value: q }));
    await context.sendActivity(MessageFactory.suggestedActions(starters, say.welcome));
  }
}
