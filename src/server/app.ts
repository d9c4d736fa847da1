import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config/index.js';
import { startPlaintextSweep } from './crypto/plaintext-sweep.js';
import { assertKeysForStoredBodies } from './crypto/reseal.js';
import { openDatabase, runMigrations, type DatabaseHandle } from './db/index.js';
import type { Deps } from './deps.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerEmbeddedAdmission } from './http/embedded-admission.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler } from './http/error-handler.js';
import { loggerOptions, type LoggerChoices } from './http/logging.js';
import { createAuthLimiters } from './http/rate-limit.js';
import { registerSecurity } from './http/security.js';
import { registerWebApp } from './http/web-app.js';
import { registerLiveGateway } from './live/gateway.js';
import { LiveHub } from './live/hub.js';
import { ensureInstallationId, redisPrefix } from './live/installation.js';
import { createPubSub, type PubSub } from './live/pubsub.js';
import { closeRedisClient, createRedisClient, isRedisReady } from './live/redis.js';
import { registerAdminAccountRoutes } from './modules/accounts/admin-routes.js';
import { registerAccountRoutes } from './modules/accounts/routes.js';
import { registerBoundaryRoutes } from './modules/boundaries/routes.js';
import { registerDirectMessageRoutes } from './modules/conversations/direct-routes.js';
import { registerConversationRoutes } from './modules/conversations/routes.js';
import { registerFeedRoutes } from './modules/feeds/routes.js';
import { registerGroupRoutes } from './modules/groups/routes.js';
import { seedGroupCatalogue } from './modules/groups/service.js';
import { watchEmbeddedLoad } from './modules/health/embedded.js';
import { registerHealthRoutes } from './modules/health/routes.js';
import { registerMemberRoutes } from './modules/members/routes.js';
import { registerQueueRoutes } from './modules/moderation/queue-routes.js';
import { registerReportRoutes } from './modules/moderation/reports-routes.js';
import { registerActionRoutes } from './modules/moderation/actions-routes.js';
import { registerRevealRoutes } from './modules/moderation/reveal.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { registerModerationFiguresRoutes } from './modules/moderation/figures-routes.js';
import { registerPublicLogRoutes } from './modules/moderation/public-log-routes.js';
import { registerAutomodRoutes } from './modules/moderation/automod-routes.js';
import { repairThreadCounters } from './modules/posts/queries.js';
import { registerPostRoutes } from './modules/posts/routes.js';
import { registerSearchRoutes } from './modules/search/routes.js';
import { registerStaffGroupRoutes } from './modules/moderation/staff-groups-routes.js';
import { registerMyRevealRoutes } from './modules/moderation/staff-reveals-routes.js';
import { setActiveAssessor } from './modules/safety/assessor/index.js';
import { loadAssessorFor } from './modules/safety/assessor/local-weights.js';
import { registerHelpRoutes } from './modules/safety/help-routes.js';
import { registerHotlineAdminRoutes } from './modules/safety/hotline-admin-routes.js';
import { registerSupportRoutes } from './modules/safety/support-routes.js';
import { registerSafetyAlertRoutes } from './modules/safety-team/alerts-routes.js';
import { EscalationScheduler } from './modules/safety-team/escalation/scheduler.js';
import { registerFiguresRoutes } from './modules/safety-team/figures-routes.js';
import { seedHotlinesIfEmpty } from './modules/safety/hotlines/store.js';
import { registerOutreachRoutes } from './modules/safety-team/outreach-routes.js';
import { registerHeldContentRoutes } from './modules/safety-team/held-routes.js';
import { ensureSafetyAccount } from './modules/safety-team/system-account.js';
import { registerDutyRoutes } from './modules/safety-team/duty-routes.js';
import { registerReviewRoutes } from './modules/safety-team/review-routes.js';
import { registerSafetySettingsRoutes } from './modules/safety-team/settings-routes.js';
import { registerWorryRoutes } from './modules/safety-team/worry-routes.js';
import { PushDispatcher } from './modules/notifications/push.js';
import { registerNotificationRoutes } from './modules/notifications/routes.js';
import { loadOrCreateVapidKeys } from './modules/notifications/vapid.js';

export interface BuildAppOptions {
  config: Config;
  /** An open database; by default one is opened from the config and migrated. */
  database?: DatabaseHandle;
  pubsub?: PubSub;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Readable logs for a terminal (`hearth serve` when stdout is a TTY). */
  prettyLogs?: boolean;
  /** Capture the JSON log lines (tests). */
  logStream?: LoggerChoices['stream'];
  /** The system clock unless a test moves time by hand. */
  clock?: Clock;
}

export interface HearthApp {
  app: FastifyInstance;
  deps: Deps;
  /** This node's escalation scheduler (ticking unless SAFETY_SCHEDULER_INTERVAL_MS is 0; tests call `tick()`). */
  scheduler: EscalationScheduler;
  /** This node's push dispatcher (notifications: sends after commit; tests drain it). */
  push: PushDispatcher;
  close(): Promise<void>;
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the nearest N proxies". */
function trustProxyOption(value: Config['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

export async function buildApp(options: BuildAppOptions): Promise<HearthApp> {
  const { config } = options;
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize }));
  if (ownsDatabase) await runMigrations(database);
  // The group catalogue is part of a new Hearth, not demo data: seeded once, when there are no groups.
  await seedGroupCatalogue({ db: database.db });
  await seedHotlinesIfEmpty(database.db);
  await ensureSafetyAccount(database.db);
  // A message sealed under a key this node lacks stops the start, naming the key id: never read as missing or plaintext.
  await assertKeysForStoredBodies(database.db, config.messageKeys);
  // Thread counters are a cache updated just after each reply commits: heal any a crash interrupted.
  await repairThreadCounters(database.db, new Date(Date.now() - 15 * 60_000));
  // Every Redis channel and key carries this installation's id: communities may share one Redis.
  const installationId = await ensureInstallationId(database.db);
  const prefix = redisPrefix(config.redisPrefix ?? installationId);
  const pubsub = options.pubsub ?? createPubSub(config.redisUrl, prefix);
  const limiterRedis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;

  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel, { pretty: options.prettyLogs, stream: options.logStream }),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 256 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Errors raised before a route runs (bad percent-encoding, over-long parameters, requests
    // Node cannot parse) answer in Hearth's `{ error: { code, message } }` too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  // The community's own assessor weights when `hearth risk train` wrote them, else the shipped ones.
  setActiveAssessor(loadAssessorFor(config.dataDir, app.log));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = {
    config,
    installationId,
    db: database.db,
    database,
    live: new LiveHub(database.db, pubsub, app.log),
    authLimiters: createAuthLimiters(config.rateLimit.authPerMinute, { redis: limiterRedis, prefix, postsPer10Minutes: config.rateLimit.postsPer10Minutes }),
    redis: config.redisUrl ? { connected: () => pubsub.connected() && !!limiterRedis && isRedisReady(limiterRedis) } : undefined,
    log: app.log,
    clock: options.clock ?? systemClock,
  };

  registerErrorHandler(app);
  await registerSecurity(app, config.publicUrl);
  // Before authentication, whose session lookup is a request's first database call.
  registerEmbeddedAdmission(app, database);
  await app.register(cookie);
  registerAuthentication(app, deps);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hearth API', version: '0.1.0', description: 'Peer support, safe by design.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // BaseLayout: the standalone layout's top bar renders swagger-ui's logo as an inline SVG with a <style> element, which the CSP refuses (a console error on every visit).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { layout: 'BaseLayout' } });
  await registerLiveGateway(app, deps);

  registerHealthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerAdminAccountRoutes(app, deps);
  registerHelpRoutes(app, deps);
  registerSupportRoutes(app, deps);
  registerHotlineAdminRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerPostRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerBoundaryRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerRevealRoutes(app, deps);
  registerSafetyAlertRoutes(app, deps);
  registerConversationRoutes(app, deps);
  registerDirectMessageRoutes(app, deps);
  registerOutreachRoutes(app, deps);
  registerHeldContentRoutes(app, deps);
  registerDutyRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerWorryRoutes(app, deps);
  registerSafetySettingsRoutes(app, deps);
  registerFiguresRoutes(app, deps);
  // moderation (issue 13): reports and the queue
  registerReportRoutes(app, deps);
  registerQueueRoutes(app, deps);
  //
  // moderation: actions, sanctions and appeals
  registerActionRoutes(app, deps);
  //
  // moderation: audit log, public log and figures
  registerAuditRoutes(app, deps);
  registerPublicLogRoutes(app, deps);
  registerModerationFiguresRoutes(app, deps);
  //
  // moderation: automod and new members
  await registerAutomodRoutes(app, deps);
  //
  // moderation: staff screens (members, groups)
  registerStaffGroupRoutes(app, deps);
  registerMyRevealRoutes(app, deps);
  //
  // notifications (issue 15): the list, settings, push subscriptions; pushes follow each commit
  const vapid = loadOrCreateVapidKeys(config);
  if (vapid.generated && config.databaseUrl) app.log.warn('VAPID keys generated into DATA_DIR: with several nodes, set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY so they all sign pushes alike');
  const push = new PushDispatcher(deps, vapid.keys);
  deps.live.onAnnounce((events) => push.heard(events));
  registerNotificationRoutes(app, deps, vapid.keys.publicKey);
  //
  if (options.serveWeb) await registerWebApp(app);

  await app.ready();
  const scheduler = new EscalationScheduler(deps);
  scheduler.start();
  // Background work runs with the scheduler (tests, with it off, seal by hand).
  const plaintextSweep = startPlaintextSweep({ db: deps.db, keys: config.messageKeys, log: app.log }, { enabled: config.safetyScheduler.intervalMs > 0 });
  push.start();
  // Start-up's own work (migrations, repairs) blocked the loop; the rule is about the crowd from here on.
  database.embeddedLoad?.restart();
  const stopWatchingLoad = watchEmbeddedLoad(database, app.log);
  return {
    app,
    deps,
    scheduler,
    push,
    async close() {
      stopWatchingLoad();
      await scheduler.stop();
      await plaintextSweep.stop();
      await push.stop();
      await app.close();
      await pubsub.close();
      if (limiterRedis) await closeRedisClient(limiterRedis);
      if (ownsDatabase) await database.close();
    },
  };
}
