import type { UpdateQuery } from 'mongoose';
import type { HandoverContext } from '../handover-context.js';
import { NotFoundError } from '../errors.js';
import type { ConversationDocument } from '../storage/handover-store.js';
import { newOrderedId } from '../storage/new-id.js';
import { toConversation } from '../storage/to-domain.js';
import { appendToConversation } from '../storage/transcript.js';
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
 * `extra` carries state changes made in the same step.
 */
export async function appendMessages(
  ctx: HandoverContext,
  conversationId: string,
  messages: Message[],
  extra: UpdateQuery<ConversationDocument> = {},
): Promise<Conversation> {
  const doc = await appendToConversation(ctx.store, conversationId, messages, extra);
  if (!doc) throw new NotFoundError(`conversation "${conversationId}"`);
  for (const message of messages) ctx.events.publish(conversationId, { type: 'message', message });
  return toConversation(doc);
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
