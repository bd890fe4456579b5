import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { toBot } from '../storage/to-domain.js';
import type { Bot } from '../types.js';

export async function loadBot(ctx: HandoverContext, botId: string): Promise<Bot> {
  const doc = await ctx.store.bots.findById(botId).lean();
  if (!doc) throw new NotFoundError(`bot "${botId}"`);
  return toBot(doc);
}
