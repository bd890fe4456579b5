import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import { claimConversation } from '../handover/claim-conversation.js';
import type { Bot, Conversation, HandoverRecord } from '../types.js';
import { pickUnderCapacity } from './pick-under-capacity.js';

/*
 * Not the customers' queue (src/queue/), though every entry here is also
 * there: that one answers "where do I stand" for one bot on every customer
 * read; this one holds only what waits for someone with room, per tenant,
 * served by free-ups and the capacity job. Kept apart so the router's reads
 * stay as small as what waits for room: the embedded server scans a whole
 * collection for either, and the customers' queue holds every waiting
 * conversation of every tenant.
 */

/** How much of a tenant's queue one pass looks at. */
const QUEUE_BATCH = 50;

/**
 * An auto-assigned conversation nobody had room for waits here; after
 * queueing it, the queue is served once more, so someone who freed up
 * between the pick and the queueing is not missed.
 */
export async function queueForCapacity(ctx: HandoverContext, bot: Bot, conversation: Conversation, handover: HandoverRecord): Promise<void> {
  await ctx.capacityQueue.add({ conversationId: conversation.id, handoverId: handover.id, botId: bot.id, tenant: bot.tenant, since: handover.at });
  ctx.log.info({ conversationId: conversation.id, botId: bot.id }, 'conversation waits for someone with room');
  await assignWaiting(ctx, bot.tenant);
}

/**
 * Serves every tenant's queue: what waited through closed hours is given
 * out once the team works again, and a free-up whose serving was cut off
 * (a replica stopped half-way) is caught up. Returns how many were assigned.
 */
export async function serveCapacityQueues(ctx: HandoverContext): Promise<number> {
  let assigned = 0;
  for (const tenant of await ctx.capacityQueue.tenants()) assigned += await assignWaiting(ctx, tenant);
  return assigned;
}

/**
 * Someone of the tenant freed up (resolved, handed on, became available):
 * the waiting conversations are given out, oldest first, while anyone has
 * room. The claim decision settles each one, so a replica serving the same
 * queue, or a person claiming by hand, never makes it twice assigned; a seat
 * taken for a conversation someone else got is given back.
 */
export async function assignWaiting(ctx: HandoverContext, tenant: string): Promise<number> {
  const queue = await ctx.capacityQueue.oldest(tenant, QUEUE_BATCH);
  const full = new Set<string>();
  let assigned = 0;
  for (const entry of queue) {
    if (full.has(entry.botId)) continue;
    const conversation = await ctx.conversations.find(entry.conversationId);
    if (!conversation || conversation.status !== 'waiting' || conversation.lastHandoverId !== entry.handoverId) {
      await ctx.capacityQueue.remove(entry.conversationId);
      continue;
    }
    const bot = await loadBot(ctx, entry.botId);
    const pick = await pickUnderCapacity(ctx, bot, { conversationId: entry.conversationId, handoverId: entry.handoverId });
    if (!pick) {
      full.add(entry.botId);
      continue;
    }
    const claim = await claimConversation(ctx, entry.conversationId, pick.staff);
    if (!claim.won) {
      if (claim.heldBy?.id !== pick.staff.id) await ctx.seats.free(pick.seat);
      await ctx.capacityQueue.remove(entry.conversationId);
      continue;
    }
    ctx.log.info({ conversationId: entry.conversationId, staffId: pick.staff.id }, 'waiting conversation assigned');
    await ctx.notifier.assigned({ staff: pick.staff, conversation: claim.conversation, task: null, kind: 'conversation' });
    assigned += 1;
  }
  return assigned;
}
