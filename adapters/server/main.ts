import { pino } from 'pino';
import { loadHandoverConfigFile } from '../../src/config/bot-config-file.js';
import { embeddedDatabaseUri, startEmbeddedDatabase, type EmbeddedDatabase } from '../mongo/embedded-ferretdb.js';
import { readEnvConfig } from './env-config.js';
import { assistantApiKeys } from './assistant-api-keys.js';
import { slackAdapter } from '../slack/slack-adapter.js';
import { teamsAdapter } from '../teams/teams-adapter.js';
import { emailAdapter } from '../email/email-adapter.js';
import { webhookAdapter } from '../webhook/webhook-adapter.js';
import { handoffWebhookAdapter } from '../webhook/handoff-webhook-notifier.js';
import { startService, type ServiceAdapterFactory } from './start-service.js';

/** `npm start`: the only place that reads process.env. */
async function main(): Promise<void> {
  const env = readEnvConfig(process.env);
  const log = pino({ level: env.LOG_LEVEL, base: { service: 'handover' } });
  const botConfigs = env.HANDOVER_CONFIG ? loadHandoverConfigFile(env.HANDOVER_CONFIG) : [];
  const apiKeys = assistantApiKeys(botConfigs, process.env);

  let embedded: EmbeddedDatabase | null = null;
  let mongodbUri = env.MONGODB_URI;
  if (!mongodbUri) {
    embedded = await startEmbeddedDatabase({ dataDir: env.HANDOVER_DATA_DIR, log: (line) => log.info(line) });
    mongodbUri = embeddedDatabaseUri(embedded.uri, 'handover');
    log.info({ dataDir: env.HANDOVER_DATA_DIR }, 'embedded database started');
  }

  const adapters: ServiceAdapterFactory[] = [];
  if (env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID) {
    adapters.push(
      slackAdapter({
        botToken: env.SLACK_BOT_TOKEN,
        oauth: env.SLACK_CLIENT_ID
          ? { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET!, stateSecret: env.SLACK_STATE_SECRET!, encryptionKey: env.HANDOVER_ENCRYPTION_KEY! }
          : undefined,
        signingSecret: env.SLACK_SIGNING_SECRET,
        appToken: env.SLACK_APP_TOKEN,
        apiUrl: env.SLACK_API_URL,
        admins: env.HANDOVER_ADMINS,
        operatorTenants: env.HANDOVER_OPERATOR_TENANTS.filter((tenant) => tenant.startsWith('slack:')),
        configuredBots: botConfigs,
        log,
      }),
    );
    log.info({ mode: env.SLACK_APP_TOKEN ? 'socket' : env.SLACK_CLIENT_ID ? 'http, installable in many workspaces' : 'http' }, 'slack enabled');
    if (env.SLACK_CLIENT_ID && !env.HANDOVER_OPERATOR_TENANTS.some((tenant) => tenant.startsWith('slack:'))) {
      log.warn('HANDOVER_OPERATOR_TENANTS names no Slack installation: no workspace manages the operator\'s bots (the config file\'s and the demo bot)');
    }
  }

  adapters.push(
    teamsAdapter({
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      tenantId: env.MicrosoftAppTenantId,
      operatorTenants: env.HANDOVER_OPERATOR_TENANTS.filter((tenant) => tenant.startsWith('teams:')),
      localMode: env.HANDOVER_TEAMS_LOCAL_MODE,
      admins: env.HANDOVER_ADMINS,
      log,
    }),
  );
  if (!env.MicrosoftAppId && !env.HANDOVER_TEAMS_LOCAL_MODE) log.info('Teams is not configured (no MicrosoftAppId): /api/messages answers 401');

  if (env.SMTP_URL) adapters.push(emailAdapter({ smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }));
  adapters.push(webhookAdapter({ secret: env.HANDOVER_WEBHOOK_SECRET ?? null, allowInternal: env.HANDOVER_OUTBOUND_ALLOW }));
  if (!env.HANDOVER_WEBHOOK_SECRET) log.info('HANDOVER_WEBHOOK_SECRET is not set: rules with a webhook will not send events');
  adapters.push(handoffWebhookAdapter({ allowInternal: env.HANDOVER_OUTBOUND_ALLOW }));

  const service = await startService({
    mongodbUri,
    port: env.PORT,
    log,
    rateLimitPerMinute: env.HANDOVER_RATE_LIMIT_PER_MINUTE,
    jobPollMs: env.HANDOVER_JOB_POLL_MS,
    shutdownDrainMs: env.HANDOVER_SHUTDOWN_DRAIN_MS,
    outboxLeaseMs: env.HANDOVER_OUTBOX_LEASE_MS,
    metricsToken: env.HANDOVER_METRICS_TOKEN ?? null,
    widgetOrigins: env.HANDOVER_WIDGET_ORIGINS,
    trustProxy: env.HANDOVER_TRUST_PROXY,
    streamsPerClient: env.HANDOVER_STREAMS_PER_CLIENT,
    demoSlackChannel: env.SLACK_CHANNEL ?? null,
    botConfigs,
    assistantApiKeys: apiKeys,
    encryptionKey: env.HANDOVER_ENCRYPTION_KEY ?? null,
    adapters,
  }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  log.info(`chat with the demo bot at http://localhost:${env.PORT}/`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => process.exit(1), 30_000);
    forceExit.unref();
    await service.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // One clear line: bad configuration, an unreachable database, a failed build.
  console.error(`handover: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
