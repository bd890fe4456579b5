import { z } from 'zod';
import type { AssistantConfig } from '../types.js';

/** The longest a customer turn may wait for a model: past it, a person would have given up on the chat. */
export const MAX_ASSISTANT_TIMEOUT_MS = 60_000;

export const DEFAULT_ASSISTANT_SYSTEM_PROMPT =
  'You are a helpful customer support assistant. Answer briefly and only from the knowledge base entries you are given.';

/**
 * A bot's AI assistant as the operator's config file declares it. The base
 * URL may be a local model (Ollama on localhost): the file is the operator's,
 * so naming an internal address there is the operator allowing it. Slack and
 * Teams settings never set it.
 */
export const assistantConfigSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).max(2000),
    model: z.string().trim().min(1).max(200),
    /** The name of the environment variable that holds the API key, never the key itself. */
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'apiKeyEnv names an environment variable (letters, digits, "_"), not the key itself')
      .nullable()
      .default(null),
    systemPrompt: z.string().trim().min(1).max(8000).default(DEFAULT_ASSISTANT_SYSTEM_PROMPT),
    temperature: z.number().min(0).max(2).default(0.2),
    timeoutMs: z.number().int().min(100).max(MAX_ASSISTANT_TIMEOUT_MS).default(8_000),
    fallback: z.enum(['faq', 'handover']).default('faq'),
  })
  .strict() satisfies z.ZodType<AssistantConfig, unknown>;
