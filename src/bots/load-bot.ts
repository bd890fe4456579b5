import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { HandoverStore } from '../storage/handover-store.js';
import { perStore } from '../storage/per-store.js';
import { toBot } from '../storage/to-domain.js';
import type { Bot } from '../types.js';

/**
 * Bots are read on every customer turn and change rarely: each process keeps
 * them for a second. Changes made through this process show at once (see
 * forgetBot); another replica's changes show within the second. Turns that
 * find it stale at the same moment share one read (a bot document carries
 * its knowledge base: 32 concurrent reads of it cost more than the turns).
 */
const FRESH_FOR_MS = 1_000;
const cachedBots = perStore(() => new Map<string, { bot: Promise<Bot>; until: number }>());

export function loadBot(ctx: HandoverContext, botId: string): Promise<Bot> {
  const bots = cachedBots(ctx.store);
  const hit = bots.get(botId);
  if (hit && hit.until > Date.now()) return hit.bot;
  const entry = { bot: readBot(ctx.store, botId), until: Infinity };
  bots.set(botId, entry);
  entry.bot.then(
    () => (entry.until = Date.now() + FRESH_FOR_MS),
    () => bots.get(botId) === entry && bots.delete(botId),
  );
  return entry.bot;
}

async function readBot(store: HandoverStore, botId: string): Promise<Bot> {
  const doc = await store.bots.findById(botId).lean();
  if (!doc) throw new NotFoundError(`bot "${botId}"`);
  return toBot(doc);
}

export function forgetBot(store: HandoverStore, botId: string): void {
  cachedBots(store).delete(botId);
}
