import type { HandoverContext } from '../handover-context.js';
import type { Message } from '../types.js';

/** The messages of a conversation after the one a reader saw last (ids sort in order), for a live stream that reconnects. */
export async function messagesSince(ctx: HandoverContext, conversationId: string, lastMessageId: string): Promise<Message[]> {
  const conversation = await ctx.conversations.find(conversationId);
  return conversation ? (await ctx.conversations.readTranscript(conversation)).filter((message) => message.id > lastMessageId) : [];
}
