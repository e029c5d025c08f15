import { AuthenticationError } from 'botframework-connector';
import type { TurnContext } from 'botbuilder';
import type { ShopBotAdapter } from '../botAdapter.js';
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import { assertLocalCaller, parseActivity } from './activityGuard.js';
import type { ActivityDedup } from './activityDedup.js';
import { HttpError } from './httpError.js';
import { BODY_LIMITS, readJson } from './jsonBody.js';

export interface MessagesRouteOptions {
  readonly adapter: ShopBotAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly dedup: ActivityDedup;
  /** True when no app id is configured: only local callers, unless allowed below. */
  readonly localMode: boolean;
  readonly allowUnauthenticatedChannel: boolean;
  readonly log: Logger;
}

/**
 * `POST /api/messages`, the Bot Framework channel endpoint: bounded body, shape check, the
 * local-mode caller check, JWT validation (by the adapter), and exactly-once handling of
 * retried deliveries.
 */
export function messagesHandler(options: MessagesRouteOptions): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const activity = parseActivity(await readJson(req, BODY_LIMITS.activity));
    if (options.localMode && !options.allowUnauthenticatedChannel) assertLocalCaller(req.socket.remoteAddress, activity);
    const log = options.log.child({ conversationId: activity.conversation.id, activityId: activity.id });
    try {
      // Authenticate first: an unauthenticated request must not mark an id as delivered.
      const auth = await options.adapter.authenticate(req.headers.authorization ?? '', activity);
      if (activity.id && !(await options.dedup.firstDelivery(activity.conversation.id, activity.id))) {
        log.info('duplicate delivery ignored');
        res.send(200, {});
        return;
      }
      const invoke = await options.adapter.handleActivity(auth, activity, options.logic);
      res.send(invoke?.status ?? 200, invoke?.body ?? {});
    } catch (err) {
      if (err instanceof AuthenticationError) throw new HttpError(401, 'unauthorized', 'The channel token was missing or invalid.');
      throw err;
    }
  };
}
