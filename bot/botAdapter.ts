import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { DeliveryTimeoutError, turnErrorHandler } from './turnErrorHandler.js';

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * CloudAdapter with its activity processing open to our own HTTP layer, which parses, bounds
 * and checks the request itself (`CloudAdapter.process` answers errors in its own format).
 */
export class ShopBotAdapter extends CloudAdapter {
  /** Validates the channel's JWT (when an app id is set); throws AuthenticationError if it fails. */
  authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs `logic` for an activity whose caller `authenticate` has accepted. */
  handleActivity(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * The Bot Framework adapter: validates channel JWTs when an app id is configured, bounds
 * every outgoing reply by a timeout, and turns an unhandled error into a logged event and a
 * polite apology (never a stack trace) for the customer.
 */
export function createBotAdapter(config: Config, logger: Logger): ShopBotAdapter {
  const app = config.microsoftApp;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: app?.id ?? '',
    MicrosoftAppPassword: app?.password ?? '',
    MicrosoftAppType: app?.type ?? 'MultiTenant',
    MicrosoftAppTenantId: app?.tenantId ?? '',
  });
  const adapter = new ShopBotAdapter(auth);
  const log = logger.child({ module: 'adapter' });

  adapter.use(async (context, next) => {
    context.onSendActivities((ctx, activities, send) =>
      withTimeout(send(), config.replyTimeoutMs, () => new DeliveryTimeoutError(ctx.activity.conversation.id, config.replyTimeoutMs)),
    );
    await next();
  });

  adapter.onTurnError = turnErrorHandler(log);
  return adapter;
}
