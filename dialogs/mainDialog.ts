import { ActionTypes, EventFactory, MessageFactory, TurnContext, type Activity, type CardAction, type StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { FaqEntry, Locale } from '../knowledge/faqEntry.js';
import type { MatchCandidate } from '../knowledge/faqMatcher.js';
import { detectLocale, localeFromTag } from '../knowledge/localeDetector.js';
import { normalizeText } from '../knowledge/textNormalizer.js';
import { triage } from '../scripts/triage.js';
import { DEFAULT_VIP_POLICY, type TriageDecision, type VipPolicy } from '../scripts/triageTypes.js';
import { BOT_MESSAGES, type BotMessages } from './botMessages.js';
import { COMPLAINT_DIALOG, ComplaintDialog, values, type ComplaintDetails } from './complaintDialog.js';
import { newConversationData, type ConversationData } from './conversationData.js';
import { readIntent, type ButtonValue } from './customerIntent.js';
import type { FaqAnswerer } from './faqAnswerer.js';
import type { FeedbackLog } from './feedbackLog.js';
import type { HandoffDesk } from './handoffDesk.js';
import { HANDOFF_MESSAGES } from './handoffMessages.js';
import type { UnansweredLog } from './unansweredLog.js';

export interface MainDialogOptions {
  readonly faqs: FaqAnswerer;
  readonly feedback: FeedbackLog;
  readonly unanswered: UnansweredLog;
  readonly desk: HandoffDesk;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly vipPolicy?: VipPolicy;
  /**
   * Channels whose hub takes Bot Framework's standard handoff events (`handoff.initiate` out,
   * `handoff.status` in), such as Dynamics 365 Omnichannel; others are served by our own queue only.
   */
  readonly handoffEventChannels?: readonly string[];
  /** Ask "how likely are you to recommend us" (0-10) after the rating. */
  readonly npsSurvey?: boolean;
  /**
   * Whether the channel vouches for `from.id` (our token-bound Direct Line, Teams): only then is
   * the customer looked up in the directory. Elsewhere a client could name any id, a VIP's too.
   */
  readonly trustsIdentity: (activity: Activity) => boolean;
}

/** One turn's facts, gathered once. */
interface Turn {
  readonly context: TurnContext;
  readonly data: ConversationData;
  readonly text: string;
  readonly locale: Locale;
  readonly say: BotMessages;
}

const ROUTE = 'route';
const KNOWN_CUSTOMER = Symbol('knownCustomer');
const RECENT = 5;

function button(title: string, text: string, value: ButtonValue): CardAction {
  return { type: ActionTypes.MessageBack, title, text, displayText: text, value };
}

/** The NPS question with its eleven answers as buttons. */
function recommendQuestion(handoffId: string, prompt: string): Partial<Activity> {
  const scores = Array.from({ length: 11 }, (_, n) => button(`${n}`, `${n}`, { action: 'recommend', handoffId, score: n }));
  return MessageFactory.suggestedActions(scores, prompt);
}

/**
 * The customer's side of the conversation. While an agent holds the conversation the bot stays
 * silent; while the customer waits it keeps them informed and lets them cancel. Otherwise every
 * message is triaged: complaints get an apology and an intake, then a ticket and a place in the
 * queue; requests for a person, repeated failures and VIP customers go to the queue; anything
 * else is answered from the FAQ, with "did you mean" when unsure and an honest "I don't know".
 */
export class MainDialog extends ComponentDialog {
  private readonly vipPolicy: VipPolicy;

  constructor(private readonly options: MainDialogOptions) {
    super('mainDialog');
    this.vipPolicy = options.vipPolicy ?? DEFAULT_VIP_POLICY;
    this.addDialog(new ComplaintDialog());
    this.addDialog(new WaterfallDialog(ROUTE, [(step) => this.route(step), (step) => this.afterComplaint(step)]));
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
    const locale = text && /\p{L}/u.test(text) ? detectLocale(text, context.activity.locale) : (data.locale ?? localeFromTag(context.activity.locale));
    data.locale = locale;
    const turn: Turn = { context, data, text, locale, say: BOT_MESSAGES[locale] };
    const intent = readIntent(text, context.activity.value, data.lastAnswer?.faqId, data.awaitingRatingFor, data.awaitingRecommendFor);

    // Only the conversation the bot just asked about can be rated, and only once.
    if (intent.action === 'rate' && intent.handoffId === data.awaitingRatingFor) {
      await this.options.desk.rate(intent.handoffId, intent.rating);
      data.awaitingRatingFor = undefined;
      if (this.options.npsSurvey) {
        data.awaitingRecommendFor = intent.handoffId;
        await context.sendActivity(recommendQuestion(intent.handoffId, HANDOFF_MESSAGES[locale].recommendPrompt));
      } else {
        await context.sendActivity(HANDOFF_MESSAGES[locale].ratingThanks);
      }
      return step.endDialog();
    }
    if (intent.action === 'recommend' && intent.handoffId === data.awaitingRecommendFor) {
      await this.options.desk.recommend(intent.handoffId, intent.score);
      data.awaitingRecommendFor = undefined;
      await context.sendActivity(HANDOFF_MESSAGES[locale].ratingThanks);
      return step.endDialog();
    }
    if (intent.action === 'rate' || intent.action === 'recommend') return step.endDialog();
    // Anything else moves on: an unanswered survey question is not asked again.
    data.awaitingRecommendFor = undefined;
    if (await this.handledByDesk(turn)) return step.endDialog();

    switch (intent.action) {
      case 'feedback':
        await this.onFeedback(turn, intent.faqId, intent.helpful);
        return step.endDialog();
      case 'pick': {
        const entry = this.options.faqs.entry(intent.faqId);
        if (entry) await this.answer(turn, entry, data.lastQuestion ?? entry.question);
        return step.endDialog();
      }
      case 'noneOfThese':
        await this.notAnswered(turn, data.lastQuestion ?? text);
        return step.endDialog();
      case 'human':
        await this.handOff(turn, { handoff: true, priority: 'normal', reasons: ['humanRequested'] });
        return step.endDialog();
      case 'ask':
        return text ? this.ask(step, turn) : step.endDialog();
    }
  }

  /** Messages while a person holds or is about to take the conversation; true when handled. */
  private async handledByDesk(turn: Turn): Promise<boolean> {
    const status = await this.options.desk.status(turn.context.activity.conversation.id);
    if (status.state === 'none') {
      turn.data.waitingNoticeSent = false;
      return false;
    }
    if (status.state === 'active') return true; // the agent answers; the bot stays out of the way
    const say = HANDOFF_MESSAGES[turn.locale];
    if (say.cancelWords.some((w) => normalizeText(w) === normalizeText(turn.text))) {
      await this.options.desk.cancel(turn.context.activity.conversation.id);
      await turn.context.sendActivity(say.cancelled);
      return true;
    }
    if (status.vip) {
      const result = this.options.faqs.match(turn.text, turn.locale);
      if (result.kind === 'answer') {
        await this.answer(turn, result.best.entry, turn.text);
        return true;
      }
    }
    if (!turn.data.waitingNoticeSent) await turn.context.sendActivity(say.waitingNotice);
    turn.data.waitingNoticeSent = true;
    return true;
  }

  private async ask(step: WaterfallStepContext, turn: Turn): Promise<DialogTurnResult> {
    const decision = await this.triage(turn, turn.data.unansweredStreak, turn.data.unhelpfulStreak);
    turn.data.recentMessages = [...(turn.data.recentMessages ?? []), turn.text].slice(-RECENT);
    if (decision.handoff && decision.reasons.some((r) => r === 'complaint' || r === 'anger')) {
      await turn.context.sendActivity(HANDOFF_MESSAGES[turn.locale].empathy);
      const details: ComplaintDetails = { content: turn.text, locale: turn.locale };
      values(step).decision = decision;
      return step.beginDialog(COMPLAINT_DIALOG, details);
    }
    const result = this.options.faqs.match(turn.text, turn.locale);
    turn.data.lastQuestion = turn.text;
    if (decision.handoff) {
      // A VIP who asked something simple gets the answer while a person is on the way.
      const simpleVipQuestion = decision.reasons.length === 1 && decision.reasons[0] === 'vip';
      if (simpleVipQuestion && result.kind === 'answer') await this.answer(turn, result.best.entry, turn.text);
      await this.handOff(turn, decision);
      return step.endDialog();
    }
    if (result.kind === 'answer') await this.answer(turn, result.best.entry, turn.text);
    else if (result.kind === 'ambiguous') await this.offerChoices(turn, result.candidates);
    else await this.notAnswered(turn, turn.text);
    return step.endDialog();
  }

  private async afterComplaint(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const details = step.result as ComplaintDetails | undefined;
    const decision = values(step).decision as TriageDecision | undefined;
    if (!details || details.cancelled || !decision) return step.endDialog();
    const data = await this.options.conversationData.get(step.context, newConversationData());
    const turn: Turn = { context: step.context, data, text: details.content, locale: details.locale, say: BOT_MESSAGES[details.locale] };
    await this.handOff(turn, decision, details);
    return step.endDialog();
  }

  /** The customer as the directory knows them, when the channel vouches for who is writing. */
  private knownCustomer(context: TurnContext): Promise<Awaited<ReturnType<HandoffDesk['customer']>>> {
    // Looked up once per turn: triage and the handoff both need it.
    let lookup = context.turnState.get<ReturnType<HandoffDesk['customer']> | undefined>(KNOWN_CUSTOMER);
    if (!lookup) {
      lookup = this.options.trustsIdentity(context.activity) ? this.options.desk.customer(context.activity.from.id) : Promise.resolve(undefined);
      context.turnState.set(KNOWN_CUSTOMER, lookup);
    }
    return lookup;
  }

  /** The triage decision for this message; a VIP is routed once per conversation on that ground alone. */
  private async triage(turn: Turn, unansweredStreak: number, unhelpfulStreak: number): Promise<TriageDecision> {
    const known = await this.knownCustomer(turn.context);
    const decision = triage(
      { text: turn.text, locale: turn.locale, unansweredStreak, unhelpfulStreak, previousMessages: turn.data.recentMessages ?? [], ...(known ? { customer: known } : {}) },
      this.vipPolicy,
    );
    if (decision.reasons.length === 1 && decision.reasons[0] === 'vip' && turn.data.vipRouted) return { handoff: false, priority: 'normal', reasons: [] };
    return decision;
  }

  private async handOff(turn: Turn, decision: TriageDecision, complaint?: ComplaintDetails): Promise<void> {
    const { context, data, locale } = turn;
    const from = context.activity.from;
    const known = await this.knownCustomer(context);
    const outcome = await this.options.desk.request({
      reference: TurnContext.getConversationReference(context.activity),
      customer: { id: from.id, name: known?.name || from.name || from.id, ...(known ? { tier: known.tier, lifetimeValue: known.lifetimeValue } : {}) },
      decision,
      locale,
      text: complaint?.content ?? turn.text,
      ...(complaint ? { complaint: { content: complaint.content, ...(complaint.orderId ? { orderId: complaint.orderId } : {}), ...(complaint.contact ? { contact: complaint.contact } : {}) } } : {}),
    });
    if (this.options.handoffEventChannels?.includes(context.activity.channelId)) await this.initiateHubHandoff(turn, decision);
    if (decision.reasons.includes('vip')) data.vipRouted = true;
    data.unansweredStreak = 0;
    data.unhelpfulStreak = 0;
    data.waitingNoticeSent = true;
    const say = HANDOFF_MESSAGES[locale];
    if (!outcome.staffed) {
      await context.sendActivity(say.offHours(outcome.ticketId));
      return;
    }
    if (outcome.ticketId) await context.sendActivity(say.ticketCreated(outcome.ticketId));
    await context.sendActivity(say.queued(outcome.ahead));
  }

  /** Tells the channel's own hub, with the recent messages as the transcript. */
  private async initiateHubHandoff(turn: Turn, decision: TriageDecision): Promise<void> {
    const { context } = turn;
    const recent = (turn.data.recentMessages ?? [turn.text]).map(
      (text) => ({ type: 'message', text, from: context.activity.from, conversation: context.activity.conversation, channelId: context.activity.channelId }) as Activity,
    );
    const event = EventFactory.createHandoffInitiation(context, { priority: decision.priority, reasons: decision.reasons, locale: turn.locale }, { activities: recent });
    await context.sendActivity(event);
  }

  private async answer(turn: Turn, entry: FaqEntry, question: string): Promise<void> {
    const { data, say } = turn;
    data.lastAnswer = { faqId: entry.id, question };
    data.unansweredStreak = 0;
    await turn.context.sendActivity(
      MessageFactory.suggestedActions(
        [button(say.helpful, say.helpful, { action: 'feedback', faqId: entry.id, helpful: true }), button(say.notHelpful, say.notHelpful, { action: 'feedback', faqId: entry.id, helpful: false })],
        `${entry.answer}\n\n${say.wasThisHelpful}`,
      ),
    );
  }

  private async offerChoices(turn: Turn, candidates: readonly MatchCandidate[]): Promise<void> {
    turn.data.lastAnswer = undefined;
    const choices = candidates.slice(0, 3).map((c) => button(c.entry.question, c.entry.question, { action: 'pick', faqId: c.entry.id }));
    choices.push(button(turn.say.noneOfThese, turn.say.noneOfThese, { action: 'noneOfThese' }));
    await turn.context.sendActivity(MessageFactory.suggestedActions(choices, turn.say.didYouMean));
  }

  private async notAnswered(turn: Turn, text: string): Promise<void> {
    const { data, say, context } = turn;
    data.lastAnswer = undefined;
    data.unansweredStreak += 1;
    await this.options.unanswered.record({ text, locale: turn.locale, conversationId: context.activity.conversation.id, reason: 'noMatch' });
    const decision = await this.triage(turn, data.unansweredStreak, data.unhelpfulStreak);
    if (decision.reasons.includes('botFailure')) {
      await context.sendActivity(say.noMatch.split(/[。.]/u)[0] + (turn.locale === 'zh-CN' ? '。' : '.'));
      return this.handOff(turn, decision);
    }
    await context.sendActivity(MessageFactory.suggestedActions([button(say.askHuman, say.askHuman, { action: 'human' })], say.noMatch));
  }

  private async onFeedback(turn: Turn, faqId: string, helpful: boolean): Promise<void> {
    const { data, say, context, locale } = turn;
    const question = data.lastAnswer?.faqId === faqId ? data.lastAnswer.question : (this.options.faqs.entry(faqId)?.question ?? '');
    await this.options.feedback.record({ faqId, conversationId: context.activity.conversation.id, helpful, question, locale });
    data.lastAnswer = undefined;
    if (helpful) {
      data.unhelpfulStreak = 0;
      await context.sendActivity(say.thanksForFeedback);
      return;
    }
    data.unhelpfulStreak += 1;
    await this.options.unanswered.record({ text: question, locale, conversationId: context.activity.conversation.id, reason: 'unhelpful' });
    const decision = await this.triage({ ...turn, text: question }, data.unansweredStreak, data.unhelpfulStreak);
    if (decision.reasons.includes('botFailure')) return this.handOff(turn, decision);
    await context.sendActivity(MessageFactory.suggestedActions([button(say.askHuman, say.askHuman, { action: 'human' })], say.sorryNotHelpful));
  }
}
