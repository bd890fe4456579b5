import { z } from 'zod';
import { isOutboundAllowEntry } from '../../src/notify/outbound-address-policy.js';
import { trustProxySchema } from '../http/trust-proxy.js';
import { HandoverError } from '../../src/errors.js';

/** Every environment variable the service reads, validated once at start-up (spec §2). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// URI')
    .optional(),
  HANDOVER_DATA_DIR: z.string().min(1).default('./.data'),
  HANDOVER_CONFIG: z.string().min(1).optional(),
  HANDOVER_ADMINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean)),
  HANDOVER_OPERATOR_TENANTS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(slack:[TE][A-Z0-9]{1,30}|teams:[A-Za-z0-9-]{1,64})$/, 'list installations as slack:T0123ABCD, slack:E0123ABCD or teams:<tenant id>'))),
  HANDOVER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  HANDOVER_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  HANDOVER_OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  HANDOVER_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.url().optional(),
  SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, 'must be the app\'s Client ID (digits.digits)').optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  HANDOVER_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  SLACK_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{8,}$/, 'must be a channel id like C0123456789 (not a #name)')
    .optional(),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  HANDOVER_TEAMS_LOCAL_MODE: z.stringbool({ error: 'must be true or false' }).default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('Handover <handover@localhost>'),
  HANDOVER_WIDGET_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).regex(/^https?:\/\/[^/]+$/, 'an origin is scheme://host[:port], without a path'))),
  HANDOVER_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  HANDOVER_TRUST_PROXY: trustProxySchema,
  HANDOVER_STREAMS_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
  HANDOVER_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  HANDOVER_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isOutboundAllowEntry, 'each entry is a host name, an IP address or a CIDR range (10.0.0.0/8)'))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type EnvConfig = z.infer<typeof envSchema>;

export class EnvConfigError extends HandoverError {
  constructor(message: string) {
    super('env_config', message);
  }
}

/** Values never echoed back in an error line. */
const SECRET_VARIABLES = new Set(['MONGODB_URI', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MicrosoftAppPassword', 'SMTP_URL', 'HANDOVER_WEBHOOK_SECRET', 'HANDOVER_METRICS_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'HANDOVER_ENCRYPTION_KEY']);

/** Parses the environment; a bad value throws one line naming the variable. */
export function readEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const got = SECRET_VARIABLES.has(name) ? '' : ` (got "${String(env[name]).slice(0, 40)}")`;
    throw new EnvConfigError(`${name}: ${issue.message}${got}`);
  }
  const config = parsed.data;
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    throw new EnvConfigError('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (config.SLACK_CLIENT_ID) {
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'HANDOVER_ENCRYPTION_KEY', 'SLACK_SIGNING_SECRET'] as const) {
      if (!config[name]) throw new EnvConfigError(`${name}: required with SLACK_CLIENT_ID (installing the app in several workspaces)`);
    }
    if (config.SLACK_APP_TOKEN) throw new EnvConfigError('SLACK_APP_TOKEN: Socket Mode serves one workspace; unset it to install the app in several (HTTP mode)');
  }
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new EnvConfigError('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (config.MicrosoftAppId && config.HANDOVER_TEAMS_LOCAL_MODE) {
    throw new EnvConfigError('HANDOVER_TEAMS_LOCAL_MODE: local mode takes unauthenticated requests; unset it when MicrosoftAppId is set');
  }
  return config;
}
