import { appendMessages, newMessage } from '../conversation/append-message.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { assertStaffOfConversation } from '../tenants/assert-staff-of-bot.js';
import { leaveQueue } from '../queue/queue-standing.js';
import type { Conversation, StaffMember } from '../types.js';
import { loadBot } from '../bots/load-bot.js';
import { assignWaiting } from '../capacity/capacity-queue.js';
import { freeSeatsOf } from '../capacity/seats.js';
import { askSatisfaction } from '../csat/ask-satisfaction.js';
import { recordHandoverEnded } from '../stats/record-handover-facts.js';

export const RESOLVED_MESSAGE = 'This conversation has been resolved. The bot is back — ask me anything, anytime.';
export const RETURNED_MESSAGE = 'The team handed you back to the bot — ask me anything, or ask for a person again.';
export const QUIET_MESSAGE = 'It has been quiet for a while, so the bot is back — ask me anything, or ask for a person again.';

/** How a handover ends: resolved by staff, handed back to the bot unresolved, or given back after going quiet. */
export type HandoverEnd = 'resolved' | 'returned' | 'quiet';

const ENDINGS: Record<HandoverEnd, { status: 'resolved' | 'bot'; message: string }> = {
  resolved: { status: 'resolved', message: RESOLVED_MESSAGE },
  returned: { status: 'bot', message: RETURNED_MESSAGE },
  quiet: { status: 'resolved', message: QUIET_MESSAGE },
};

/** Ends the handover: the bot speaks again, the customer is told, open follow-ups are closed. */
export async function resolveConversation(
  ctx: HandoverContext,
  conversationId: string,
  by: StaffMember | null,
  how: HandoverEnd = 'resolved',
): Promise<Conversation> {
  const current = await ctx.conversations.find(conversationId);
  if (!current) throw new NotFoundError(`conversation "${conversationId}"`);
  if (by) await assertStaffOfConversation(ctx, conversationId, by, current.botId);
  const notWithTeam = new ConflictError(`conversation "${conversationId}" is not with the team (already resolved?)`);
  if (current.status !== 'waiting' && current.status !== 'assigned') throw notWithTeam;
  const decision = await ctx.decisions.decideOnce(`resolve:${conversationId}:${current.lastHandoverId}`, by ? { id: by.id, name: by.name } : {});
  if (!decision.won) throw notWithTeam;
  const ending = ENDINGS[how];
  const told = newMessage(ctx, conversationId, 'system', ending.message);
  const conversation = await appendMessages(ctx, conversationId, [told], { status: ending.status, paused: false, failedTurns: 0 });
  ctx.log.info({ conversationId, staffId: by?.id ?? null, how }, 'handover ended');
  await leaveQueue(ctx, current, false);
  const [freed] = await Promise.all([freeSeatsOf(ctx, conversationId), ctx.capacityQueue.remove(conversationId), recordHandoverEnded(ctx, current, how)]);
  await askSatisfaction(ctx, current, how);
  const handedOverAt = current.handovers.at(-1)?.at;
  if (handedOverAt) ctx.metrics.ended({ botId: current.botId, how, tookMs: ctx.now().getTime() - new Date(handedOverAt).getTime() });
  for (const taskId of current.taskIds) await ctx.decisions.decideOnce(`task-done:${taskId}`);
  ctx.events.publish(conversationId, { type: 'status', status: ending.status, paused: false, assignee: conversation.assignee });
  await ctx.notifier.conversationChanged({ conversation, change: 'resolved', by });
  if (freed.length > 0) await assignWaiting(ctx, (await loadBot(ctx, current.botId)).tenant);
  return conversation;
}
