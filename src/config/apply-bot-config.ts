import type { HandoverContext } from '../handover-context.js';
import type { NewBot } from '../ports/bot-repository.js';
import type { BotConfig } from './bot-config-file.js';

const FILE_FIELDS = ['name', 'tenant', 'labs', 'handover', 'slackChannel', 'failedTurnsBeforeHandover', 'businessHours', 'contactRequestThreshold', 'staffCapacity', 'knowledgeBase', 'assistant', 'rules'] as const;

/**
 * Creates or updates the file's bots. A field is written only when the file
 * changed it since the last start, so what staff changed later through Slack
 * or Teams is kept unless the file changes that same field.
 */
export async function applyBotConfig(ctx: HandoverContext, bots: BotConfig[]): Promise<void> {
  for (const config of bots) {
    const fileValues = Object.fromEntries(FILE_FIELDS.map((field) => [field, config[field]]));
    const existing = await ctx.bots.configFileValues(config.id);
    if (existing === null && (await ctx.bots.create({ id: config.id, ...fileValues } as NewBot, fileValues))) {
      ctx.log.info({ botId: config.id }, 'bot created from the config file');
      continue;
    }
    const previous = existing ?? {};
    const changed = FILE_FIELDS.filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(config[field]));
    if (changed.length === 0) continue;
    await ctx.bots.applyConfigFile(config.id, Object.fromEntries(changed.map((field) => [field, config[field]])));
    ctx.log.info({ botId: config.id, fields: changed }, 'bot updated from the config file');
  }
}
