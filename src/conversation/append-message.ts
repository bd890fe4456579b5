import type { HandoverContext } from '../handover-context.js';
import { NotFoundError } from '../errors.js';
import { newOrderedId } from '../ids/new-id.js';
import type { ConversationChange } from '../ports/conversation-repository.js';
import { plainConversation } from './plain-conversation.js';
import type { Conversation, Message, MessageAuthor, Person } from '../types.js';

export function newMessage(
  ctx: HandoverContext,
  conversationId: string,
  from: MessageAuthor,
  text: string,
  author: Person | null = null,
): Message {
  return { id: newOrderedId('msg'), conversationId, from, text, at: ctx.now(), author };
}

/**
 * Appends messages to the transcript and tells the conversation's watchers;
 * `change` carries state changes made in the same step.
 */
export async function appendMessages(
  ctx: HandoverContext,
  conversationId: string,
  messages: Message[],
  change: ConversationChange = {},
): Promise<Conversation> {
  const stored = await ctx.conversations.append(conversationId, messages, change);
  if (!stored) throw new NotFoundError(`conversation "${conversationId}"`);
  for (const message of messages) ctx.events.publish(conversationId, { type: 'message', message });
  return plainConversation(stored);
}

/** Stores one bot, agent or system message in the transcript. */
export async function appendMessage(
  ctx: HandoverContext,
  conversationId: string,
  from: Exclude<MessageAuthor, 'customer'>,
  text: string,
  author: Person | null = null,
): Promise<Message> {
  const message = newMessage(ctx, conversationId, from, text, author);
  await appendMessages(ctx, conversationId, [message]);
  return message;
}
