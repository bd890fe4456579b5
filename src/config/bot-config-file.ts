import { z } from 'zod';
import { knowledgeBaseSchema } from '../bot/knowledge-base-file.js';
import { assistantConfigSchema } from '../assistant/assistant-config-schema.js';
import { businessHoursSchema } from '../business-hours/business-hours-schema.js';
import { handoverRulesSchema } from '../rules/handover-rule-schema.js';
import { OPERATOR_TENANT, TENANT_PATTERN } from '../tenants/tenant.js';
import { parseConfigYaml, readConfigText } from './config-text.js';
import { HandoverError } from '../errors.js';

/** The most bots one HANDOVER_CONFIG file declares. */
export const MAX_BOTS_PER_FILE = 200;

/** Bots declared in HANDOVER_CONFIG (spec §2, "Configuration as code"). */
export const botConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a bot id is 1-40 lowercase letters, digits or "-"'),
    name: z.string().trim().min(1).max(80),
    /** Who owns the bot: `operator` (the default), or one installation (`slack:T0123ABCD`, `slack:E0123ABCD`, `teams:<tenant id>`). */
    tenant: z
      .string()
      .regex(TENANT_PATTERN, 'a tenant is "operator", "slack:<team or enterprise id>" or "teams:<tenant id>"')
      .default(OPERATOR_TENANT),
    labs: z.boolean().default(false),
    handover: z.boolean().default(true),
    slackChannel: z
      .string()
      .regex(/^[CGD][A-Z0-9]{8,}$/, 'a Slack channel id looks like C0123456789')
      .nullable()
      .default(null),
    failedTurnsBeforeHandover: z.number().int().min(1).max(20).default(2),
    /** Calibrated probability a message must reach to count as a request for a person (unset: 0.5). */
    contactRequestThreshold: z.number().min(0.05).max(0.99).optional(),
    /** How many open conversations auto-assignment gives each person for this bot (null: their own limit, else 5). */
    staffCapacity: z.number().int().min(1).max(100).nullable().default(null),
    /** When the team works (null: always open): out of hours the customer hears when it is back and SLA clocks pause. */
    businessHours: businessHoursSchema,
    knowledgeBase: knowledgeBaseSchema.default([]),
    /** An OpenAI-compatible model answers, grounded in the knowledge base (see src/assistant/). */
    assistant: assistantConfigSchema.nullable().default(null),
    rules: handoverRulesSchema.default([]),
  })
  .strict();

export const handoverConfigSchema = z
  .object({ bots: z.array(botConfigSchema).min(1).max(MAX_BOTS_PER_FILE, `at most ${MAX_BOTS_PER_FILE} bots per file`) })
  .strict()
  .refine((config) => new Set(config.bots.map((bot) => bot.id)).size === config.bots.length, 'bot ids must be unique');

export type BotConfig = z.infer<typeof botConfigSchema>;

export class ConfigFileError extends HandoverError {
  constructor(message: string) {
    super('config_file', message);
  }
}

export function loadHandoverConfigFile(path: string): BotConfig[] {
  let raw: unknown;
  try {
    raw = parseConfigYaml(readConfigText(path));
  } catch (error) {
    throw new ConfigFileError(`HANDOVER_CONFIG ${path}: cannot read it: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = handoverConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigFileError(`HANDOVER_CONFIG ${path}: ${describeIssuePlace(raw, issue.path)}: ${issue.message}`);
  }
  return parsed.data.bots;
}

/** "bot acme, rule default, field triggers[1]" from a zod path, so the reader knows where to look. */
function describeIssuePlace(raw: unknown, path: readonly PropertyKey[]): string {
  const [, botIndex, section, ruleIndex, ...rest] = path;
  if (botIndex === undefined) return path.length ? `field ${path.join('.')}` : 'the file';
  const bot = (raw as { bots?: Array<{ id?: unknown }> }).bots?.[Number(botIndex)];
  const botName = typeof bot?.id === 'string' ? `bot "${bot.id}"` : `bots[${String(botIndex)}]`;
  if (section === undefined) return botName;
  if (section === 'rules' && ruleIndex !== undefined) {
    const rule = (bot as { rules?: Array<{ name?: unknown }> } | undefined)?.rules?.[Number(ruleIndex)];
    const ruleName = typeof rule?.name === 'string' ? `rule "${rule.name}"` : `rules[${String(ruleIndex)}]`;
    return rest.length ? `${botName}, ${ruleName}, field ${formatPath(rest)}` : `${botName}, ${ruleName}`;
  }
  const fieldPath = ruleIndex === undefined ? [section] : [section, ruleIndex, ...rest];
  return `${botName}, field ${formatPath(fieldPath)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}
