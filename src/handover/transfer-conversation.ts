import { appendMessages, newMessage } from '../conversation/append-message.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { assertStaffOfConversation } from '../tenants/assert-staff-of-bot.js';
import type { Conversation, StaffMember } from '../types.js';
import { claimConversation } from './claim-conversation.js';
import { loadBot } from '../bots/load-bot.js';
import { assignWaiting } from '../capacity/capacity-queue.js';
import { freeSeatsOf, seatHolderOf } from '../capacity/seats.js';

/**
 * Hands a conversation to someone else: its holder passes it on, or anyone
 * assigns one nobody has claimed yet. The customer hears who takes over.
 */
export async function transferConversation(ctx: HandoverContext, conversationId: string, by: StaffMember, to: StaffMember): Promise<Conversation> {
  const current = await ctx.conversations.find(conversationId);
  if (!current) throw new NotFoundError(`conversation "${conversationId}"`);
  await assertStaffOfConversation(ctx, conversationId, by, current.botId);
  await assertStaffOfConversation(ctx, conversationId, to, current.botId);
  if (current.status === 'waiting') {
    const claim = await claimConversation(ctx, conversationId, to);
    if (!claim.won) throw new ConflictError(`${claim.heldBy?.name ?? 'Someone'} claimed it first.`);
    await ctx.notifier.assigned({ staff: to, conversation: claim.conversation, task: null, kind: 'conversation' });
    return claim.conversation;
  }
  if (current.status !== 'assigned') throw new ConflictError(`conversation "${conversationId}" is not with the team`);
  if (current.assignee?.id !== by.id) throw new ConflictError(`Only ${current.assignee?.name ?? 'its holder'} can hand this conversation on.`);
  if (to.id === by.id) throw new ConflictError('It is already yours.');

  const person = { id: to.id, name: to.name };
  const told = newMessage(ctx, conversationId, 'system', `${to.name} from the team is taking over the conversation.`);
  const conversation = await appendMessages(ctx, conversationId, [told], { assignee: person });
  ctx.log.info({ conversationId, from: by.id, to: to.id }, 'conversation transferred');
  // the seat goes with the conversation: taken by hand, so never refused for capacity
  await freeSeatsOf(ctx, conversationId, by.id);
  await seatHolderOf(ctx, current, to);
  ctx.events.publish(conversationId, { type: 'status', status: conversation.status, paused: conversation.paused, assignee: person });
  await ctx.notifier.conversationChanged({ conversation, change: 'transferred', by });
  await ctx.notifier.assigned({ staff: to, conversation, task: null, kind: 'conversation' });
  await assignWaiting(ctx, (await loadBot(ctx, current.botId)).tenant);
  return conversation;
}
