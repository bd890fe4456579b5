import { describe, expect, it } from 'vitest';
import { assistantApiKeys } from '../../adapters/server/assistant-api-keys.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';

const bot = (assistant: Record<string, unknown>) => botConfigSchema.safeParse({ id: 'acme', name: 'Acme', assistant: { baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', ...assistant } });

describe("a bot's assistant in the config file", () => {
  it('fills in the defaults: no key (a local model), FAQ fallback, an 8 s timeout', () => {
    const parsed = bot({});
    expect(parsed.success && parsed.data.assistant).toMatchObject({ apiKeyEnv: null, fallback: 'faq', timeoutMs: 8_000, temperature: 0.2 });
  });

  it('refuses an API key written where the name of its variable belongs', () => {
    const parsed = bot({ apiKeyEnv: 'sk-proj-abc123' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('names an environment variable');
  });

  it('refuses a timeout past a minute and a base URL that is not http(s)', () => {
    expect(bot({ timeoutMs: 120_000 }).success).toBe(false);
    expect(bot({ baseUrl: 'file:///etc/passwd' }).success).toBe(false);
  });

  it('stops start-up naming the variable and the bot when the key is not in the environment', () => {
    const parsed = bot({ apiKeyEnv: 'ACME_OPENAI_KEY' });
    expect(parsed.success).toBe(true);
    expect(() => assistantApiKeys([parsed.data!], {})).toThrow('ACME_OPENAI_KEY: required by bot "acme"');
    expect(assistantApiKeys([parsed.data!], { ACME_OPENAI_KEY: 'sk-1' })).toEqual({ ACME_OPENAI_KEY: 'sk-1' });
  });

  it('takes plain-language guidance on a rule', () => {
    const rule = handoverRuleSchema.parse({ name: 'urgent', triggers: ['sensitive_topic'], guidance: '  Hand over when the customer mentions a medical emergency. ' });
    expect(rule.guidance).toBe('Hand over when the customer mentions a medical emergency.');
  });
});
