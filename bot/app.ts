import { ConversationState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { seedFaqs } from '../knowledge/seedFaqs.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { newConversationData, type ConversationData } from '../dialogs/conversationData.js';
import { createBotAdapter } from './botAdapter.js';
import { DirectLineBotAdapter } from './directline/directLineBotAdapter.js';
import { DirectLineHub } from './directline/directLineHub.js';
import { DIRECT_LINE_SERVICE_URL, registerDirectLineRoutes } from './directline/directLineRoutes.js';
import { attachDirectLineStream } from './directline/directLineStream.js';
import { DirectLineTokens } from './directline/directLineTokens.js';
import { registerChatTokenRoute } from './http/chatTokenRoute.js';
import { RateLimiter } from './http/rateLimiter.js';
import { registerStaticRoutes } from './http/staticRoutes.js';
import { SqlDirectLineStore } from './storage/sqlDirectLineStore.js';
import type { ConversationRelay } from './handoff/conversationRelay.js';
import { HandoffEvents } from './handoff/handoffEvents.js';
import { HandoffService } from './handoff/handoffService.js';
import { parseServiceHours } from './handoff/serviceHours.js';
import { TranscriptMiddleware } from './handoff/transcriptMiddleware.js';
import { registerAdminCustomerRoutes } from './http/adminCustomerRoutes.js';
import { registerAgentRoutes } from './http/agentRoutes.js';
import { GuardService } from './assist/guardService.js';
import { SuggestionService } from './assist/suggestionService.js';
import { AgentMessageExtension } from './teams/agentMessageExtension.js';
import { TeamsAgentChannel } from './teams/teamsAgentChannel.js';
import { TeamsAgentDesk } from './teams/teamsAgentDesk.js';
import { CloudTeamsSender } from './teams/teamsSender.js';
import { SqlTeamsThreadStore } from './storage/sqlTeamsThreadStore.js';
import { AgentReplies } from './assist/agentReplies.js';
import { ScriptLibrary } from './assist/scriptLibrary.js';
import { registerAdminScriptRoutes } from './http/adminScriptRoutes.js';
import { SqlScriptStore } from './storage/sqlScriptStore.js';
import { registerAdminMetricsRoutes } from './http/adminMetricsRoutes.js';
import { registerAdminAuditRoutes } from './http/adminAuditRoutes.js';
import { SqlAuditLog } from './storage/sqlAuditLog.js';
import { LocalBus } from './cluster/clusterBus.js';
import { startPostgresBus } from './cluster/postgresBus.js';
import { syncWithCluster } from './cluster/clusterSync.js';
import { registerTicketRoutes } from './http/ticketRoutes.js';
import { SqlMetricsSource } from './storage/sqlMetricsSource.js';
import { registerAdminBannedPhraseRoutes } from './http/adminBannedPhraseRoutes.js';
import { SqlBannedPhraseStore, SqlGuardOverrideLog } from './storage/sqlBannedPhraseStore.js';
import { SqlCustomerDirectory } from './storage/sqlCustomerDirectory.js';
import { SqlHandoffQueue } from './storage/sqlHandoffQueue.js';
import { SqlTicketStore } from './storage/sqlTicketStore.js';
import { SqlTranscriptStore } from './storage/sqlTranscriptStore.js';
import { turnErrorHandler } from './turnErrorHandler.js';
import type { Config } from './config.js';
import { CustomerBot } from './customerBot.js';
import { FaqService } from './faq/faqService.js';
import { registerAdminFaqRoutes } from './http/adminFaqRoutes.js';
import { createServer } from './http/createServer.js';
import { healthHandler } from './http/healthRoute.js';
import { messagesHandler } from './http/messagesRoute.js';
import { route } from './http/route.js';
import type { Secrets } from './secrets.js';
import { openDatabase } from './storage/openDatabase.js';
import type { SqlDatabase } from './storage/sqlDatabase.js';
import { SqlActivityDedup } from './storage/sqlActivityDedup.js';
import { SqlFaqStore } from './storage/sqlFaqStore.js';
import { SqlFeedbackLog } from './storage/sqlFeedbackLog.js';
import { SqlStateStorage } from './storage/sqlStateStorage.js';
import { SqlUnansweredLog } from './storage/sqlUnansweredLog.js';

export interface App {
  readonly server: Server;
  readonly db: SqlDatabase;
  readonly faqs: FaqService;
  /** The secrets in effect (configured, stored, or generated on this start). */
  readonly secrets: Secrets;
  /** The agents' Teams channel poster (its `idle()` tells when posting has caught up). */
  readonly teamsChannel: TeamsAgentChannel;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** The composition root: builds every part from the configuration and wires them together. */
export async function createApp(config: Config, secretsOrLoader: Secrets | ((db: SqlDatabase) => Promise<Secrets>), logger: Logger): Promise<App> {
  const db = await openDatabase(config.databaseUrl, process.cwd(), (err) => logger.error({ err, module: 'storage' }, 'database connection lost'));
  // Several instances must agree on their secrets, so they may come from the shared database.
  const secrets = typeof secretsOrLoader === 'function' ? await secretsOrLoader(db) : secretsOrLoader;
  const audit = new SqlAuditLog(db);
  // Several instances on one PostgreSQL hear each other's changes; the embedded store is one instance.
  const bus = db.dialect === 'postgres' ? await startPostgresBus(config.databaseUrl, logger.child({ module: 'cluster' })) : new LocalBus();
  const faqs = new FaqService(new SqlFaqStore(db), audit);
  const { seeded, entries } = await faqs.start(seedFaqs());
  logger.info({ module: 'faq', seeded, entries, store: db.dialect }, seeded ? 'knowledge base seeded' : 'knowledge base loaded');

  const storage = new SqlStateStorage(db);
  const conversationState = new ConversationState(storage);
  const unanswered = new SqlUnansweredLog(db);
  const adapter = createBotAdapter(config, logger);
  if (!config.microsoftApp) {
    logger.warn(
      { module: 'adapter' },
      'MicrosoftAppId is not set: running in local (Emulator) mode without channel authentication; /api/messages accepts only loopback callers',
    );
  }

  // Our own Direct Line channel, for the chat page and any Direct Line client.
  const dlStore = new SqlDirectLineStore(db);
  const hub = new DirectLineHub(bus, dlStore, (err) => logger.error({ err, module: 'directline' }, 'could not relay an activity stored by another instance'));
  const tokens = new DirectLineTokens(secrets.tokenSigningKey, config.directLineTokenTtlSeconds);
  const dlAdapter = new DirectLineBotAdapter(dlStore, hub, { id: 'shop-bot', name: 'Shop assistant', role: 'bot' });
  dlAdapter.onTurnError = turnErrorHandler(logger.child({ module: 'directline-adapter' }));

  // People behind the bot: queue, tickets, transcripts, and proactive messages in any channel.
  const events = new HandoffEvents(bus);
  const transcripts = new SqlTranscriptStore(db);
  // The agents' own team in Teams is not a customer conversation: no transcript, no customer dialog.
  const transcriptMiddleware = new TranscriptMiddleware(transcripts, events, (activity) => TeamsAgentDesk.isAgentSide(activity));
  adapter.use(transcriptMiddleware);
  dlAdapter.use(transcriptMiddleware);
  const relay: ConversationRelay = {
    continueConversation: (reference, logic) =>
      reference.serviceUrl === DIRECT_LINE_SERVICE_URL
        ? dlAdapter.continueConversation(reference, logic)
        : // Without the old activity id: a proactive message is not a reply to the last thing said.
          adapter.continueConversationAsync(config.microsoftApp?.id ?? '', { ...reference, activityId: undefined }, logic),
  };
  const directory = new SqlCustomerDirectory(db);
  const tickets = new SqlTicketStore(db);
  const scripts = new ScriptLibrary(new SqlScriptStore(db));
  logger.info({ module: 'scripts', ...(await scripts.start()) }, 'reply scripts loaded');
  const suggestions = new SuggestionService(faqs, () => scripts.scripts);
  const teamsThreads = new SqlTeamsThreadStore(db);
  let teamsChannel: TeamsAgentChannel | undefined = undefined;
  const handoffs = new HandoffService({
    queue: new SqlHandoffQueue(db),
    tickets,
    transcripts,
    directory,
    relay,
    events,
    hours: parseServiceHours(config.agentHours, config.agentTimeZone),
    agentsReachable: () => teamsChannel?.channel !== undefined,
    log: logger.child({ module: 'handoff' }),
  });
  const teamsSender = new CloudTeamsSender(adapter, config.microsoftApp?.id ?? '');
  teamsChannel = new TeamsAgentChannel({
    store: teamsThreads,
    sender: teamsSender,
    handoffs,
    suggestions,
    events,
    ...(config.teamsAgentChannel ? { configured: config.teamsAgentChannel } : {}),
    log: logger.child({ module: 'teams' }),
  });
  await teamsChannel.start();

  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const mainDialog = new MainDialog({
    faqs,
    feedback: new SqlFeedbackLog(db),
    unanswered,
    desk: handoffs,
    conversationData,
    vipPolicy: config.vipPolicy,
    handoffEventChannels: config.handoffEventChannels,
    npsSurvey: config.npsSurvey,
    trustsIdentity: (activity) => activity.serviceUrl === DIRECT_LINE_SERVICE_URL || config.trustedIdentityChannels.includes(activity.channelId),
  });
  const guard = new GuardService(new SqlBannedPhraseStore(db));
  await guard.start();
  syncWithCluster({ bus, faqs, guard, scripts, teamsChannel, log: logger.child({ module: 'cluster' }) });
  const replies = new AgentReplies({
    guard,
    overrides: new SqlGuardOverrideLog(db),
    relay: (conversationId, agentId, text) => handoffs.relay(conversationId, agentId, text),
    log: logger.child({ module: 'agent' }),
  });
  const bot = new CustomerBot({
    teamsDesk: new TeamsAgentDesk({ channel: teamsChannel, store: teamsThreads, sender: teamsSender, handoffs, replies, log: logger.child({ module: 'teams' }) }),
    messageExtension: new AgentMessageExtension({ scripts: () => scripts.scripts, check: (text) => guard.check(text) }),
    conversationState,
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    mainDialog,
    onHandoffStatus: async (conversationId, state, message) => {
      logger.info({ module: 'handoff', conversationId, state, message }, 'channel hub handoff status');
      // The hub is done with it (or could not take it): our queue must not hold the customer.
      if (state === 'completed' || state === 'failed') await handoffs.cancel(conversationId);
    },
  });
  // A closed handoff's rating question: the customer's typed 1-5 must know what it rates.
  handoffs.onClosed = async (context, handoffId) => {
    const data = await conversationData.get(context, newConversationData());
    data.awaitingRatingFor = handoffId;
    await conversationState.saveChanges(context, false);
  };

  const server = createServer(logger);
  const httpLog = logger.child({ module: 'http' });
  server.get('/healthz', route(httpLog, healthHandler(db, () => faqs.size)));
  server.post(
    '/api/messages',
    route(
      httpLog,
      messagesHandler({
        adapter,
        logic: (context) => bot.run(context),
        dedup: new SqlActivityDedup(db),
        localMode: !config.microsoftApp,
        allowUnauthenticatedChannel: config.allowUnauthenticatedChannel,
        log: logger.child({ module: 'messages' }),
      }),
    ),
  );
  registerAdminFaqRoutes(server, { faqs, unanswered, adminToken: secrets.adminToken, log: logger.child({ module: 'admin' }) });

  registerAdminAuditRoutes(server, { audit, faqs, adminToken: secrets.adminToken, log: logger.child({ module: 'admin' }) });
  registerAdminCustomerRoutes(server, { directory, audit, adminToken: secrets.adminToken, log: logger.child({ module: 'admin' }) });
  registerAdminMetricsRoutes(server, {
    source: new SqlMetricsSource(db),
    check: (text) => guard.check(text),
    faqEntries: () => faqs.size,
    timeZone: config.agentTimeZone,
    adminToken: secrets.adminToken,
    log: logger.child({ module: 'admin' }),
  });
  registerTicketRoutes(server, { tickets, agentToken: secrets.agentToken, log: logger.child({ module: 'agent' }) });
  registerAdminBannedPhraseRoutes(server, { guard, audit, adminToken: secrets.adminToken, log: logger.child({ module: 'admin' }) });
  registerAdminScriptRoutes(server, { library: scripts, audit, adminToken: secrets.adminToken, log: logger.child({ module: 'admin' }) });
  registerAgentRoutes(server, {
    handoffs,
    events,
    directory,
    vipPolicy: config.vipPolicy,
    guard,
    suggestions,
    replies,
    agentToken: secrets.agentToken,
    log: logger.child({ module: 'agent' }),
  });
  const dlLog = logger.child({ module: 'directline' });
  registerDirectLineRoutes(server, { store: dlStore, hub, tokens, adapter: dlAdapter, logic: (context) => bot.run(context), secret: secrets.directLineSecret, log: dlLog });
  const streams = attachDirectLineStream(server.server, { store: dlStore, hub, tokens, log: dlLog });
  if (config.chatTokenEndpoint) {
    registerChatTokenRoute(server, { store: dlStore, tokens, limiter: new RateLimiter(config.chatTokenRatePerMinute, 60_000), log: httpLog });
  }
  registerStaticRoutes(server, httpLog);

  return {
    server,
    db,
    faqs,
    secrets,
    teamsChannel,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`);
        });
      }),
    close: async () => {
      teamsChannel.close();
      await teamsChannel.idle();
      for (const client of streams.clients) client.terminate();
      streams.close();
      events.close();
      await bus.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await db.close();
    },
  };
}
