import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createHttpApp } from '../http/create-http-app.js';
import { createLiveStreams } from '../http/live-streams.js';
import type { TrustProxy } from '../http/trust-proxy.js';
import { createAgenda } from '../../jobs/agenda-scheduler.js';
import { scheduleTaskReminders } from '../../jobs/task-reminders-job.js';
import { dueTaskScheduler } from '../../jobs/due-task-sweep.js';
import { scheduleReceiptExpiry } from '../../jobs/receipt-expiry-job.js';
import { scheduleCapacityQueue } from '../../jobs/capacity-queue-job.js';
import { createBotResponders } from '../../src/bots/bot-responders.js';
import { ensureDemoBot } from '../../src/bots/demo-bot.js';
import { adoptUntenantedBots } from '../../src/tenants/adopt-untenanted.js';
import { applyBotConfig } from '../../src/config/apply-bot-config.js';
import type { BotConfig } from '../../src/config/bot-config-file.js';
import { createConversationTokens, loadTokenSecret } from '../../src/conversation/conversation-tokens.js';
import { createSharedConversationEvents } from '../../src/events/shared-conversation-events.js';
import { standingsOf } from '../../src/queue/queue-standing.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { combineNotifiers } from '../../src/notify/combined-notifier.js';
import { createLogNotifier } from '../../src/notify/log-notifier.js';
import { createOutbox, type OutboxTarget } from '../../src/notify/outbox.js';
import type { ServiceAdapter, ServiceAdapterFactory } from '../service-adapter.js';
import { scheduleOutboxDelivery } from '../../jobs/outbox-delivery-job.js';
import { defineEscalationSlaJob, scheduleSlaCheckWith } from '../../jobs/escalation-sla-job.js';
import { loadBot } from '../../src/bots/load-bot.js';
import { createPrometheusMetrics } from '../metrics/prometheus-metrics.js';
import { openAiChatModel } from '../llm/openai-chat-model.js';
import { connectMongoStorage, type MongoStorage } from '../mongo/mongo-repositories.js';
import { createSecretCipher } from '../crypto/secret-cipher.js';

export type { ServiceAdapter, ServiceAdapterFactory } from '../service-adapter.js';

export interface ServiceOptions {
  mongodbUri: string;
  port: number;
  log: Logger;
  rateLimitPerMinute: number;
  jobPollMs: number;
  demoSlackChannel: string | null;
  botConfigs: BotConfig[];
  adapters?: ServiceAdapterFactory[];
  /** How often live streams look for what other replicas wrote. */
  eventPollMs?: number;
  /**
   * On stop, how long to keep serving (readyz 503, every answer closing its
   * connection) before the port closes, so a load balancer and keep-alive
   * clients move away without a request caught on a closing connection.
   */
  shutdownDrainMs?: number;
  /** Sites allowed to embed the chat widget (frame the page, call the API from the browser). */
  widgetOrigins?: string[];
  /** When set, `/metrics` asks for `Authorization: Bearer <token>`. */
  metricsToken?: string | null;
  /** First notification retry after this long (doubling); tests shorten it. */
  outboxBaseDelayMs?: number;
  /** How long a notification's first try belongs to the replica that queued it before a sweep may take it. */
  outboxLeaseMs?: number;
  /** Which proxies may name the client (X-Forwarded-For); default none: the client is the socket's peer. */
  trustProxy?: TrustProxy;
  /** Live streams one client may hold open at once; default 20. */
  streamsPerClient?: number;
  /** How long a client may take to send a request's headers / the whole request, and keep an idle connection. */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** How often expired message receipts are removed (default hourly). */
  receiptExpiryEveryMs?: number;
  /** The domain's clock (tests move it forward instead of waiting). */
  clock?: () => Date;
  /** AI assistants' API keys by the environment variable a bot's config names (main.ts reads them). */
  assistantApiKeys?: Record<string, string>;
  /** When a bot's model breaker opens (failures in a row) and how long it stays open; default 3 and 30 s. */
  assistantBreaker?: { failuresToOpen?: number; openMs?: number };
  /** HANDOVER_ENCRYPTION_KEY: seals external bots' webhook secrets in the database (absent: stored plain). */
  encryptionKey?: string | null;
}

export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

export interface RunningService {
  url: string;
  ctx: HandoverContext;
  /** The storage adapter behind ctx's repositories (tests look at the stored documents through it). */
  mongo: MongoStorage;
  stop(): Promise<void>;
}

/** The composition root: storage → domain → jobs → adapters → HTTP server. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { log } = options;
  const mongo = await connectMongoStorage(options.mongodbUri, options.encryptionKey ? createSecretCipher(options.encryptionKey) : null);
  const { repositories } = mongo;
  const outboxTargets: OutboxTarget[] = [];
  const agenda = createAgenda(mongo.store.connection.db!, { processEvery: options.jobPollMs, name: `handover-${process.pid}`, log });
  const events = createSharedConversationEvents(repositories.conversations, {
    pollMs: options.eventPollMs ?? 1_000,
    queueOf: (botId) => standingsOf(ctx, botId, { verify: false }),
  });
  const prometheus = createPrometheusMetrics(repositories, options.clock);
  const liveStreams = createLiveStreams({ perClient: options.streamsPerClient ?? 20, metrics: prometheus.liveStreams });
  const ctx: HandoverContext = {
    ...repositories,
    metrics: prometheus.metrics,
    events,
    notifier: createLogNotifier(log),
    scheduler: { ...dueTaskScheduler(mongo.dueTaskLists), scheduleSlaCheck: scheduleSlaCheckWith(agenda) },
    responders: createBotResponders({
      model: openAiChatModel({ apiKeys: options.assistantApiKeys ?? {} }),
      metrics: prometheus.metrics,
      log: log.child({ component: 'assistant' }),
      now: options.clock ?? (() => new Date()),
      ...(options.assistantBreaker ? { breaker: options.assistantBreaker } : {}),
    }),
    tokens: createConversationTokens(await loadTokenSecret(repositories.settings)),
    log,
    now: options.clock ?? (() => new Date()),
  };
  await adoptUntenantedBots(ctx);
  await ensureDemoBot(ctx, { slackChannel: options.demoSlackChannel });
  await applyBotConfig(ctx, options.botConfigs);
  const adapters: ServiceAdapter[] = [];
  for (const factory of options.adapters ?? []) adapters.push(await factory(ctx));
  for (const adapter of adapters) if (adapter.outboxTarget) outboxTargets.push(adapter.outboxTarget);
  const outbox = createOutbox({
    rows: repositories.outbox,
    decisions: repositories.decisions,
    log: log.child({ component: 'outbox' }),
    targets: outboxTargets,
    loadBot: (botId) => loadBot(ctx, botId),
    baseDelayMs: options.outboxBaseDelayMs,
    leaseMs: options.outboxLeaseMs,
  });
  ctx.notifier = combineNotifiers([createLogNotifier(log), outbox.notifier]);
  defineEscalationSlaJob(agenda, ctx);
  await agenda.start();
  await scheduleTaskReminders(agenda, ctx, mongo.dueTaskLists, options.jobPollMs);
  await scheduleReceiptExpiry(agenda, ctx, options.receiptExpiryEveryMs ?? 60 * 60_000);
  await scheduleCapacityQueue(agenda, ctx, 60_000);
  await scheduleOutboxDelivery(agenda, outbox, log, options.jobPollMs);

  const stopping = new AbortController();
  const app = createHttpApp({
    ctx,
    stopping: stopping.signal,
    prometheus,
    metricsToken: options.metricsToken ?? null,
    widgetOrigins: options.widgetOrigins ?? [],
    trustProxy: options.trustProxy ?? false,
    liveStreams,
    log,
    rateLimitPerMinute: options.rateLimitPerMinute,
    mounts: adapters.flatMap((adapter) => adapter.mounts ?? []),
    databaseReady: () => mongo.ping(),
  });
  const server = await listen(app, options.port, { ...DEFAULT_HTTP_TIMEOUTS, ...options.httpTimeouts });
  for (const adapter of adapters) await adapter.start?.();
  const { port } = server.address() as AddressInfo;
  log.info({ port }, 'handover service listening');
  // it listens on every interface: without a token anyone who reaches the port reads the metrics
  if (!options.metricsToken) log.warn({ host: LISTEN_HOST }, 'HANDOVER_METRICS_TOKEN is not set: /metrics is open to anyone who reaches this port');

  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    mongo,
    async stop() {
      stopping.abort();
      if (options.shutdownDrainMs) await new Promise((resolve) => setTimeout(resolve, options.shutdownDrainMs));
      await closeServer(server);
      await agenda.stop();
      await outbox.stop();
      for (const adapter of adapters) await adapter.stop?.();
      events.stop();
      await mongo.close();
    },
  };
}

const LISTEN_HOST = '0.0.0.0';

/**
 * A client gets `headersMs` to send its headers and `requestMs` for the
 * whole request (Node stops counting once the request is in, so live
 * streams are not cut); idle keep-alive connections close after `keepAliveMs`.
 */
function listen(app: ReturnType<typeof createHttpApp>, port: number, timeouts: HttpTimeouts): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        // Node enforces the two timeouts on this beat: a coarse one lets a slow client stay well past them
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
      },
      app,
    );
    server.once('error', reject);
    server.listen(port, LISTEN_HOST, () => resolve(server));
  });
}

const IN_FLIGHT_GRACE_MS = 10_000;

/**
 * Stops accepting connections and lets in-flight requests finish (live
 * streams were ended by the stopping signal); connections still busy after
 * the grace period are cut so shutdown stays bounded.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), IN_FLIGHT_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
