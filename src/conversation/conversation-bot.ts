import type { HandoverContext } from '../handover-context.js';
import { perStore } from '../storage/per-store.js';

/** Enough for every conversation active on a process at once; older ones are read again. */
const REMEMBERED = 50_000;
const botsOf = perStore(() => new Map<string, string>());

/** A conversation's bot never changes, so each process can keep it once seen. */
export function rememberConversationBot(ctx: HandoverContext, conversationId: string, botId: string): void {
  const bots = botsOf(ctx.store);
  bots.delete(conversationId);
  bots.set(conversationId, botId);
  if (bots.size > REMEMBERED) bots.delete(bots.keys().next().value!);
}

/**
 * The bot a conversation belongs to, or null if there is no such
 * conversation. A turn checks it before writing, and FerretDB looks up by
 * `_id` alone without a scan (a filter on `_id` and `botId` reads the whole
 * collection), so the write filters by `_id` and this answers from memory.
 */
export async function conversationBot(ctx: HandoverContext, conversationId: string): Promise<string | null> {
  const known = botsOf(ctx.store).get(conversationId);
  if (known) return known;
  const doc = await ctx.store.conversations.findById(conversationId).select('botId').lean();
  if (doc) rememberConversationBot(ctx, conversationId, doc.botId);
  return doc?.botId ?? null;
}
