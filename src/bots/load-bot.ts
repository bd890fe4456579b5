import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Bot } from '../types.js';

/** A bot (read on every customer turn; the storage adapter keeps it fresh enough). */
export async function loadBot(ctx: Pick<HandoverContext, 'bots'>, botId: string): Promise<Bot> {
  const bot = await ctx.bots.find(botId);
  if (!bot) throw new NotFoundError(`bot "${botId}"`);
  return bot;
}
