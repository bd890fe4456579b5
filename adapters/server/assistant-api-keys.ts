import type { BotConfig } from '../../src/config/bot-config-file.js';
import { EnvConfigError } from './env-config.js';

/**
 * The API keys the config file's AI assistants name (`apiKeyEnv`), read
 * once at start-up: a named variable that is unset stops the service with
 * one line naming it and the bot, rather than every turn falling back.
 */
export function assistantApiKeys(bots: readonly BotConfig[], env: NodeJS.ProcessEnv): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const bot of bots) {
    const name = bot.assistant?.apiKeyEnv;
    if (!name) continue;
    const value = env[name];
    if (!value) throw new EnvConfigError(`${name}: required by bot "${bot.id}" (its assistant's apiKeyEnv names it)`);
    keys[name] = value;
  }
  return keys;
}
