import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { HandoverStore } from '../storage/handover-store.js';
import { toBot } from '../storage/to-domain.js';
import type { Bot } from '../types.js';

/**
 * Bots are read on every customer turn and change rarely: each process keeps
 * them for a second. Changes made through this process show at once (see
 * forgetBot); another replica's changes show within the second.
 */
const FRESH_FOR_MS = 1_000;
const cached = new WeakMap<HandoverStore, Map<string, { bot: Bot; until: number }>>();

export async function loadBot(ctx: HandoverContext, botId: string): Promise<Bot> {
  let bots = cached.get(ctx.store);
  if (!bots) cached.set(ctx.store, (bots = new Map()));
  const hit = bots.get(botId);
  if (hit && hit.until > Date.now()) return hit.bot;
  const doc = await ctx.store.bots.findById(botId).lean();
  if (!doc) throw new NotFoundError(`bot "${botId}"`);
  const bot = toBot(doc);
  bots.set(botId, { bot, until: Date.now() + FRESH_FOR_MS });
  return bot;
}

export function forgetBot(store: HandoverStore, botId: string): void {
  cached.get(store)?.delete(botId);
}
