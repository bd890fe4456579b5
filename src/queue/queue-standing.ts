import { loadBot } from '../bots/load-bot.js';
import { outOfHoursAt } from '../business-hours/out-of-hours.js';
import { openMillisBetween } from '../business-hours/business-hours.js';
import type { HandoverContext } from '../handover-context.js';
import type { StoredConversation } from '../ports/conversation-repository.js';
import type { WaitingEntry } from '../ports/waiting-queue-repository.js';
import type { Bot, Conversation, HandoverRecord, QueueStanding, TurnResult } from '../types.js';
import { expectedWaitMinutes } from './expected-wait.js';

export type { QueueStanding };

/** How many waiting conversations of one bot are ranked; beyond that a customer is told the last position. */
const QUEUE_READ_LIMIT = 500;
/**
 * How many of the oldest entries a customer's own look at the queue checks
 * against their conversations: a stale entry (a process stopped between the
 * conversation's write and the queue's) only grows older, so it surfaces
 * at the front, and the check stays a few reads however long the queue.
 */
const ENTRIES_CHECKED = 5;

/** A conversation handed over and not claimed joins the end of its bot's queue. */
export async function enterQueue(ctx: HandoverContext, conversation: Conversation, handover: HandoverRecord): Promise<void> {
  await ctx.waitingQueue.enter({ conversationId: conversation.id, handoverId: handover.id, botId: conversation.botId, since: handover.at });
}

/**
 * A waiting conversation was claimed or its handover ended: it leaves the
 * queue (a claim's wait, in open time, feeds the expected wait), and the
 * customers still waiting for that bot are told where they stand now.
 */
export async function leaveQueue(ctx: HandoverContext, before: StoredConversation, claimed: boolean): Promise<void> {
  if (before.status !== 'waiting') return;
  try {
    await ctx.waitingQueue.leave(before.id);
    const handedOverAt = before.handovers.at(-1)?.at;
    if (claimed && handedOverAt) {
      const bot = await loadBot(ctx, before.botId);
      const now = ctx.now();
      await ctx.waitingQueue.recordClaimWait(before.botId, { at: now, waitedMs: openMillisBetween(bot, new Date(handedOverAt), now) });
    }
    await announceQueue(ctx, before.botId);
  } catch (error) {
    // the claim or resolve stands; the queue heals on its next read (stale entries are dropped there)
    ctx.log.warn({ err: error, conversationId: before.id }, 'queue not updated');
  }
}

/** Tells every waiting customer of a bot (on this replica's streams; other replicas' polls catch up) their standing. */
export async function announceQueue(ctx: HandoverContext, botId: string): Promise<void> {
  for (const [conversationId, standing] of await standingsOf(ctx, botId, { verify: false })) {
    ctx.events.publish(conversationId, { type: 'queue', queue: standing });
  }
}

/**
 * The standing of each waiting conversation of a bot. `verify`: the oldest
 * entries whose conversation is no longer waiting for that handover are
 * dropped from the queue for good (see ENTRIES_CHECKED).
 */
export async function standingsOf(ctx: HandoverContext, botId: string, options: { verify: boolean }): Promise<Map<string, QueueStanding>> {
  const [bot, entries, waits] = await Promise.all([loadBot(ctx, botId), ctx.waitingQueue.waiting(botId, QUEUE_READ_LIMIT), ctx.waitingQueue.recentClaimWaits(botId)]);
  const current = options.verify ? await stillWaiting(ctx, entries) : entries;
  const common = commonStanding(bot, waits, ctx.now());
  return new Map(current.map((entry, index) => [entry.conversationId, { position: index + 1, ...common }]));
}

/** Where a conversation stands in its bot's queue (null: it is not waiting for the team). */
export async function queueStanding(ctx: HandoverContext, conversation: Pick<Conversation, 'id' | 'botId' | 'status'>): Promise<QueueStanding | null> {
  if (conversation.status !== 'waiting') return null;
  const standings = await standingsOf(ctx, conversation.botId, { verify: true });
  const own = standings.get(conversation.id);
  if (own) return own;
  // waiting but not listed (its entry was not written, or the queue is longer than is read): it is last
  const stored = await ctx.conversations.find(conversation.id);
  const handover = stored?.handovers.at(-1);
  if (stored?.status === 'waiting' && handover && standings.size < QUEUE_READ_LIMIT) {
    await ctx.waitingQueue.enter({ conversationId: stored.id, handoverId: handover.id, botId: stored.botId, since: new Date(handover.at) });
  }
  const [bot, waits] = await Promise.all([loadBot(ctx, conversation.botId), ctx.waitingQueue.recentClaimWaits(conversation.botId)]);
  return { position: standings.size + 1, ...commonStanding(bot, waits, ctx.now()) };
}

function commonStanding(bot: Bot, waits: Awaited<ReturnType<HandoverContext['waitingQueue']['recentClaimWaits']>>, now: Date) {
  return { expectedWaitMinutes: expectedWaitMinutes(waits, now), back: outOfHoursAt(bot, now)?.back ?? null };
}

async function stillWaiting(ctx: HandoverContext, entries: WaitingEntry[]): Promise<WaitingEntry[]> {
  const checked = entries.slice(0, ENTRIES_CHECKED);
  // by _id, one each: the embedded database would scan every conversation for an $in
  const found = await Promise.all(checked.map((entry) => ctx.conversations.find(entry.conversationId)));
  const kept: WaitingEntry[] = [];
  for (const [index, entry] of checked.entries()) {
    const conversation = found[index];
    if (conversation?.status === 'waiting' && conversation.lastHandoverId === entry.handoverId) kept.push(entry);
    else await ctx.waitingQueue.leave(entry.conversationId);
  }
  return [...kept, ...entries.slice(ENTRIES_CHECKED)];
}

/** The standing a turn's answer reports (null unless the conversation waits for the team). */
export async function queueStandingOfTurn(ctx: HandoverContext, result: Pick<TurnResult, 'conversationId' | 'status'>): Promise<QueueStanding | null> {
  if (result.status !== 'waiting') return null;
  const botId = await ctx.conversations.botOf(result.conversationId);
  return botId ? queueStanding(ctx, { id: result.conversationId, botId, status: result.status }) : null;
}
