import type { HandoverContext } from '../handover-context.js';
import { forgetBot } from '../bots/load-bot.js';
import { isDuplicateKeyError } from '../storage/handover-store.js';
import type { BotConfig } from './bot-config-file.js';

const FILE_FIELDS = ['name', 'tenant', 'labs', 'handover', 'slackChannel', 'failedTurnsBeforeHandover', 'knowledgeBase', 'rules'] as const;

/**
 * Creates or updates the file's bots. A field is written only when the file
 * changed it since the last start, so what staff changed later through Slack
 * or Teams is kept unless the file changes that same field.
 */
export async function applyBotConfig(ctx: HandoverContext, bots: BotConfig[]): Promise<void> {
  for (const config of bots) {
    const fileValues = Object.fromEntries(FILE_FIELDS.map((field) => [field, config[field]]));
    const existing = await ctx.store.bots.findById(config.id).lean();
    if (!existing) {
      try {
        await ctx.store.bots.create({ _id: config.id, ...fileValues, fromConfigFile: fileValues });
        ctx.log.info({ botId: config.id }, 'bot created from the config file');
        continue;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const previous = existing?.fromConfigFile ?? {};
    const changed = FILE_FIELDS.filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(config[field]));
    if (changed.length === 0) continue;
    const set: Record<string, unknown> = {};
    for (const field of changed) {
      set[field] = config[field];
      set[`fromConfigFile.${field}`] = config[field];
    }
    await ctx.store.bots.updateOne({ _id: config.id }, { $set: set });
    forgetBot(ctx.store, config.id);
    ctx.log.info({ botId: config.id, fields: changed }, 'bot updated from the config file');
  }
}
