import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { BOT_MESSAGES } from '../dialogs/botMessages.js';
import { detectLocale } from '../knowledge/localeDetector.js';

/** A reply the channel did not accept in time. */
export class DeliveryTimeoutError extends Error {
  constructor(
    readonly conversationId: string,
    readonly timeoutMs: number,
  ) {
    super(`reply to conversation ${conversationId} not delivered within ${timeoutMs} ms`);
    this.name = 'DeliveryTimeoutError';
  }
}

/**
 * What every adapter does with an unhandled error in a turn: log it with the conversation, and
 * apologise to the customer in their language (never a stack trace). An undeliverable reply is
 * only logged: sending an apology down the same broken path would fail too.
 */
export function turnErrorHandler(log: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const conversationId = context.activity.conversation?.id;
    log.error({ err: error, conversationId, activityId: context.activity.id, channelId: context.activity.channelId }, 'turn failed');
    if (error instanceof DeliveryTimeoutError) return;
    const say = BOT_MESSAGES[detectLocale(context.activity.text ?? '', context.activity.locale)];
    try {
      await context.sendActivity(say.turnError);
    } catch (sendError) {
      log.error({ err: sendError, conversationId }, 'apology not delivered either');
    }
  };
}
