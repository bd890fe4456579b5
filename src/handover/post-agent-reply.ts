import { appendMessage } from '../conversation/append-message.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { assertStaffOfConversation } from '../tenants/assert-staff-of-bot.js';
import type { Message, StaffMember } from '../types.js';

export const CLAIM_FIRST = 'Not sent to the customer — claim it first.';

/** The holder's reply reaches the customer; nobody else speaks for the team. */
export async function postAgentReply(ctx: HandoverContext, conversationId: string, staff: StaffMember, text: string): Promise<Message> {
  const conversation = await ctx.conversations.find(conversationId);
  if (!conversation) throw new NotFoundError(`conversation "${conversationId}"`);
  await assertStaffOfConversation(ctx, conversationId, staff, conversation.botId);
  if (conversation.status !== 'waiting' && conversation.status !== 'assigned') {
    throw new ConflictError(`conversation "${conversationId}" is not with the team`);
  }
  if (conversation.assignee?.id !== staff.id) throw new ConflictError(CLAIM_FIRST);
  const message = await appendMessage(ctx, conversationId, 'agent', text, { id: staff.id, name: staff.name });
  await ctx.notifier.agentReplied?.({ conversation: plainConversation(conversation), message });
  return message;
}
