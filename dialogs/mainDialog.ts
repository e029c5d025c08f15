import { ActionTypes, MessageFactory, type CardAction, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { FaqEntry, Locale } from '../knowledge/faqEntry.js';
import { detectLocale, localeFromTag } from '../knowledge/localeDetector.js';
import type { MatchCandidate } from '../knowledge/faqMatcher.js';
import { BOT_MESSAGES, type BotMessages } from './botMessages.js';
import { newConversationData, type ConversationData } from './conversationData.js';
import { readIntent, type ButtonValue } from './customerIntent.js';
import type { FaqAnswerer } from './faqAnswerer.js';
import type { FeedbackLog } from './feedbackLog.js';
import type { UnansweredLog } from './unansweredLog.js';

export interface MainDialogOptions {
  readonly faqs: FaqAnswerer;
  readonly feedback: FeedbackLog;
  readonly unanswered: UnansweredLog;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
}

const ROUTE = 'route';

function button(title: string, text: string, value: ButtonValue): CardAction {
  return { type: ActionTypes.MessageBack, title, text, displayText: text, value };
}

/**
 * The customer's side of the conversation: answers FAQ questions in the customer's language,
 * asks "did you mean" when two entries fit about equally, admits when it does not know (and
 * files the question for the admins), and collects "was this helpful?" feedback.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly options: MainDialogOptions) {
    super('mainDialog');
    this.addDialog(new WaterfallDialog(ROUTE, [(step) => this.route(step)]));
    this.initialDialogId = ROUTE;
  }

  /** Runs one turn: continues an active child dialog or starts routing the message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const data = await this.options.conversationData.get(context, newConversationData());
    const text = (context.activity.text ?? '').trim();
    const intent = readIntent(text, context.activity.value, data.lastAnswer?.faqId);
    const locale = text && /\p{L}/u.test(text) ? detectLocale(text, context.activity.locale) : (data.locale ?? localeFromTag(context.activity.locale));
    data.locale = locale;
    const say = BOT_MESSAGES[locale];
    switch (intent.action) {
      case 'feedback':
        await this.onFeedback(context, data, say, intent.faqId, intent.helpful);
        break;
      case 'pick': {
        const entry = this.options.faqs.entry(intent.faqId);
        if (entry) await this.answer(context, data, say, entry, data.lastQuestion ?? entry.question);
        else await this.ask(context, data, say, locale, text);
        break;
      }
      case 'noneOfThese':
        await this.notAnswered(context, data, say, locale, data.lastQuestion ?? text, 'noMatch');
        break;
      case 'human':
        await this.options.unanswered.record({ text: data.lastQuestion ?? text, locale, conversationId: context.activity.conversation.id, reason: 'humanRequested' });
        await context.sendActivity(say.humanNoted);
        break;
      case 'ask':
        if (text) await this.ask(context, data, say, locale, text);
        break;
    }
    return step.endDialog();
  }

  private async ask(context: TurnContext, data: ConversationData, say: BotMessages, locale: Locale, text: string): Promise<void> {
    const result = this.options.faqs.match(text, locale);
    data.lastQuestion = text;
    if (result.kind === 'answer') return this.answer(context, data, say, result.best.entry, text);
    if (result.kind === 'ambiguous') return this.offerChoices(context, data, say, result.candidates);
    return this.notAnswered(context, data, say, locale, text, 'noMatch');
  }

  private async answer(context: TurnContext, data: ConversationData, say: BotMessages, entry: FaqEntry, question: string): Promise<void> {
    data.lastAnswer = { faqId: entry.id, question };
    data.unansweredStreak = 0;
    await context.sendActivity(
      MessageFactory.suggestedActions(
        [button(say.helpful, say.helpful, { action: 'feedback', faqId: entry.id, helpful: true }), button(say.notHelpful, say.notHelpful, { action: 'feedback', faqId: entry.id, helpful: false })],
        `${entry.answer}\n\n${say.wasThisHelpful}`,
      ),
    );
  }

  private async offerChoices(context: TurnContext, data: ConversationData, say: BotMessages, candidates: readonly MatchCandidate[]): Promise<void> {
    data.lastAnswer = undefined;
    const choices = candidates.slice(0, 3).map((c) => button(c.entry.question, c.entry.question, { action: 'pick', faqId: c.entry.id }));
    choices.push(button(say.noneOfThese, say.noneOfThese, { action: 'noneOfThese' }));
    await context.sendActivity(MessageFactory.suggestedActions(choices, say.didYouMean));
  }

  private async notAnswered(context: TurnContext, data: ConversationData, say: BotMessages, locale: Locale, text: string, reason: 'noMatch'): Promise<void> {
    data.lastAnswer = undefined;
    data.unansweredStreak += 1;
    await this.options.unanswered.record({ text, locale, conversationId: context.activity.conversation.id, reason });
    await context.sendActivity(MessageFactory.suggestedActions([button(say.askHuman, say.askHuman, { action: 'human' })], say.noMatch));
  }

  private async onFeedback(context: TurnContext, data: ConversationData, say: BotMessages, faqId: string, helpful: boolean): Promise<void> {
    const question = data.lastAnswer?.faqId === faqId ? data.lastAnswer.question : (this.options.faqs.entry(faqId)?.question ?? '');
    const locale = data.locale ?? 'zh-CN';
    await this.options.feedback.record({ faqId, conversationId: context.activity.conversation.id, helpful, question, locale });
    data.lastAnswer = undefined;
    if (helpful) {
      data.unhelpfulStreak = 0;
      await context.sendActivity(say.thanksForFeedback);
      return;
    }
    data.unhelpfulStreak += 1;
    await this.options.unanswered.record({ text: question, locale, conversationId: context.activity.conversation.id, reason: 'unhelpful' });
    await context.sendActivity(MessageFactory.suggestedActions([button(say.askHuman, say.askHuman, { action: 'human' })], say.sorryNotHelpful));
  }
}
