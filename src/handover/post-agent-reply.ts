import { appendMessage } from '../conversation/append-message.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Message, StaffMember } from '../types.js';

/** A staff member's reply reaches the customer while the conversation is with the team. */
export async function postAgentReply(
  ctx: HandoverContext,
  conversationId: string,
  staff: StaffMember,
  text: string,
): Promise<Message> {
  const conversation = await ctx.store.conversations.findById(conversationId).lean();
  if (!conversation) throw new NotFoundError(`conversation "${conversationId}"`);
  if (conversation.status !== 'waiting' && conversation.status !== 'assigned') {
    throw new ConflictError(`conversation "${conversationId}" is not with the team`);
  }
  return appendMessage(ctx, conversationId, 'agent', text, { id: staff.id, name: staff.name });
}
