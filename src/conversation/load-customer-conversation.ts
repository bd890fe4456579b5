import { UnauthorizedError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { plainConversation } from './plain-conversation.js';
import type { Conversation } from '../types.js';

/**
 * The one answer for "no such conversation" and "missing or wrong token":
 * answering them differently would tell a caller without the token which
 * conversation ids exist.
 */
export function conversationRefused(): UnauthorizedError {
  return new UnauthorizedError('no conversation with this id and token: send "Authorization: Bearer <token>" with the token from the conversation\'s first turn');
}

/** Throws unless `token` is the customer's token for this conversation (no database read). */
export function checkCustomerToken(ctx: HandoverContext, conversationId: string, token: string | undefined): void {
  if (!token || !ctx.tokens.verify(conversationId, token)) throw conversationRefused();
}

/** A conversation as its customer may see it: the token must match. */
export async function loadCustomerConversation(
  ctx: HandoverContext,
  conversationId: string,
  token: string | undefined,
): Promise<Conversation> {
  // the token is checked before the lookup: without it, nothing about the conversation is read or told
  checkCustomerToken(ctx, conversationId, token);
  const stored = await ctx.conversations.find(conversationId);
  if (!stored) throw conversationRefused();
  return plainConversation(stored);
}
