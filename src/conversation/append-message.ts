import type { HandoverContext } from '../handover-context.js';
import { newOrderedId } from '../storage/new-id.js';
import { updateConversation, updateConversationQuietly } from '../storage/update-conversation.js';
import { toConversation } from '../storage/to-domain.js';
import { NotFoundError } from '../errors.js';
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

/** Stored form inside the conversation document. */
export function storedMessage({ id, from, text, at, author }: Message) {
  return { id, from, text, at, author };
}

/**
 * Appends messages to the transcript (one write by _id) and tells the
 * conversation's watchers; `extra` carries state changes made in the same write.
 */
export async function appendMessages(
  ctx: HandoverContext,
  conversationId: string,
  messages: Message[],
  extra: { $set?: Record<string, unknown>; $inc?: Record<string, number>; $addToSet?: Record<string, unknown> } = {},
): Promise<Conversation> {
  const doc = await updateConversation(ctx.store, conversationId, { ...extra, $push: { messages: { $each: messages.map(storedMessage) } } });
  if (!doc) throw new NotFoundError(`conversation "${conversationId}"`);
  for (const message of messages) ctx.events.publish(conversationId, { type: 'message', message });
  return toConversation(doc);
}

/**
 * Appends without reading the document back (cheaper with a long
 * transcript); the caller knows the state it wrote.
 */
export async function appendMessagesQuietly(
  ctx: HandoverContext,
  conversationId: string,
  messages: Message[],
  extra: { $set?: Record<string, unknown>; $inc?: Record<string, number> } = {},
): Promise<void> {
  await updateConversationQuietly(ctx.store, conversationId, { ...extra, $push: { messages: { $each: messages.map(storedMessage) } } });
  for (const message of messages) ctx.events.publish(conversationId, { type: 'message', message });
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
