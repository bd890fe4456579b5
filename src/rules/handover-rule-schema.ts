import { z } from 'zod';
import { TRIGGERS } from '../types.js';
import { DEFAULT_SENSITIVE_TOPICS } from '../detection/sensitive-topic.js';
import { literalInternalAddress } from '../notify/outbound-address-policy.js';

export const MAX_RULES_PER_BOT = 6;
export const DEFAULT_CLOSING_MESSAGE = 'Thank you! Someone from the team will get back to you.';
export const DEFAULT_TAG = 'human_handover';
export const DEFAULT_TASK_DUE_MINUTES = 24 * 60;

const tag = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'a tag is 1-40 letters, digits, "_" or "-"');

const assignmentSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('claim') }),
  z.object({ mode: z.literal('user'), staff: z.string().trim().min(1).max(100) }),
  z.object({ mode: z.literal('auto') }),
]);

/** A handover rule as written by a person (config file, Slack modal, Teams card): defaults filled in. */
export const handoverRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    enabled: z.boolean().default(true),
    triggers: z.array(z.enum(TRIGGERS)).min(1, 'a rule needs at least one trigger').max(TRIGGERS.length, `at most ${TRIGGERS.length} triggers`),
    sensitiveTopics: z
      .array(z.string().trim().min(1).max(80))
      .max(50, 'at most 50 sensitive topics per rule')
      .default(() => [...DEFAULT_SENSITIVE_TOPICS]),
    assign: assignmentSchema.default({ mode: 'claim' }),
    task: z
      .object({
        enabled: z.boolean().default(true),
        note: z.string().trim().max(500).default('Follow up with the customer'),
        dueInMinutes: z
          .number()
          .int()
          .min(1)
          .max(60 * 24 * 365)
          .default(DEFAULT_TASK_DUE_MINUTES),
      })
      .default({ enabled: true, note: 'Follow up with the customer', dueInMinutes: DEFAULT_TASK_DUE_MINUTES }),
    closingMessage: z.string().trim().min(1).max(1000).default(DEFAULT_CLOSING_MESSAGE),
    pauseBot: z.boolean().default(true),
    tags: z.array(tag).max(20, 'at most 20 tags per rule').default([DEFAULT_TAG]),
    /** With the team but nobody wrote for this long: the bot takes the conversation back. */
    resumeBotAfterQuietMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 30)
      .nullable()
      .default(null),
    /** Unclaimed for this long: ping the channel again; as long again: the fallback. */
    sla: z
      .object({
        minutes: z.number().int().min(1).max(24 * 60),
        fallback: z.enum(['none', 'auto', 'backup']).default('none'),
        backupSlackChannel: z
          .string()
          .regex(/^[CG][A-Z0-9]{8,}$/, 'a Slack channel id looks like C0123456789')
          .nullable()
          .default(null),
      })
      .strict()
      .refine((sla) => sla.fallback !== 'backup' || sla.backupSlackChannel !== null, 'fallback "backup" needs backupSlackChannel')
      .nullable()
      .default(null),
    notify: z
      .object({
        slack: z.boolean().default(true),
        teams: z.boolean().default(true),
        email: z.array(z.email().max(320)).max(20, 'at most 20 email addresses per rule').default([]),
        // the cheap check when saving; the one that counts is made when connecting (a host name can resolve anywhere)
        webhook: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .refine((url) => literalInternalAddress(url) === null, 'a webhook cannot go to an internal address (loopback, private, link-local, metadata); on an internal network, use a host name the operator allows with HANDOVER_OUTBOUND_ALLOW')
          .nullable()
          .default(null),
      })
      .default({ slack: true, teams: true, email: [], webhook: null }),
    /** For a bot with an AI assistant: when to hand over under this rule, in plain words ("when the customer mentions a medical emergency"). */
    guidance: z.string().trim().min(1).max(500).nullable().optional(),
    /** When the team resolves the handover, ask the customer "How did we do?" (1-5 and a comment). */
    csat: z.boolean().default(true),
  })
  .strict();

export const handoverRulesSchema = z
  .array(handoverRuleSchema)
  .max(MAX_RULES_PER_BOT, `at most ${MAX_RULES_PER_BOT} rules per bot`)
  .refine((rules) => new Set(rules.map((rule) => rule.name)).size === rules.length, 'rule names must be unique');
