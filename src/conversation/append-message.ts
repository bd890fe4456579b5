import type { HandoverContext } from '../handover-context.js';
import { newOrderedId } from '../storage/new-id.js';
import type { Message, MessageAuthor, Person } from '../types.js';

/** Stores a bot, agent or system message in the transcript and tells the conversation's watchers. */
export async function appendMessage(
  ctx: HandoverContext,
  conversationId: string,
  from: Exclude<MessageAuthor, 'customer'>,
  text: string,
  author: Person | null = null,
): Promise<Message> {
  const id = newOrderedId('msg');
  const message: Message = { id, conversationId, from, text, at: ctx.now(), author };
  await ctx.store.messages.create({ _id: id, conversationId, from, text, at: message.at, author, clientKey: id, turnResult: null });
  ctx.events.publish(conversationId, { type: 'message', message });
  return message;
}
