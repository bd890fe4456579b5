import { handleCustomerMessage } from '../conversation/handle-customer-message.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Conversation, TurnResult } from '../types.js';

/**
 * A conversation as the bot that owns it sees it through the Handoff API
 * (its key already checked): another bot's conversation is answered as one
 * that does not exist.
 */
export async function loadBotConversation(ctx: HandoverContext, botId: string, conversationId: string): Promise<Conversation> {
  const stored = await ctx.conversations.find(conversationId);
  if (!stored || stored.botId !== botId) throw new NotFoundError(`conversation "${conversationId}" of bot "${botId}"`);
  return plainConversation(stored);
}

/**
 * The external bot passes on what its customer wrote while the team has the
 * conversation: it is stored and relayed to the team's thread as the
 * customer's message. Once the team has handed the conversation back, the
 * bot answers its customer itself, so further messages are refused.
 */
export async function forwardCustomerMessage(
  ctx: HandoverContext,
  input: { botId: string; conversationId: string; text: string; messageId?: string },
): Promise<TurnResult> {
  const conversation = await loadBotConversation(ctx, input.botId, input.conversationId);
  if (conversation.status !== 'waiting' && conversation.status !== 'assigned') {
    throw new ConflictError(`conversation "${conversation.id}" is no longer with the team (handed back): your bot answers the customer again`);
  }
  const turn = await handleCustomerMessage(ctx, {
    botId: input.botId,
    conversationId: input.conversationId,
    // the bot's key proved who is asking: the customer's token is the service's to give
    token: ctx.tokens.issue(input.conversationId),
    text: input.text,
    messageId: input.messageId,
  });
  return turn.result;
}
