import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { toConversation } from '../storage/to-domain.js';
import type { Conversation } from '../types.js';

/** Throws unless `token` is the customer's token for this conversation (no database read). */
export function checkCustomerToken(ctx: HandoverContext, conversationId: string, token: string | undefined): void {
  if (!token) throw new UnauthorizedError('this conversation needs its token: send "Authorization: Bearer <token>"');
  if (!ctx.tokens.verify(conversationId, token)) throw new UnauthorizedError('the conversation token does not match');
}

/** A conversation as its customer may see it: the token must match. */
export async function loadCustomerConversation(
  ctx: HandoverContext,
  conversationId: string,
  token: string | undefined,
): Promise<Conversation> {
  if (!token) throw new UnauthorizedError('this conversation needs its token: send "Authorization: Bearer <token>"');
  // the transcript is not needed for a turn: leave it in the database
  const doc = await ctx.store.conversations.findById(conversationId).select('-messages').lean();
  if (!doc) throw new NotFoundError(`conversation "${conversationId}"`);
  if (!ctx.tokens.verify(conversationId, token)) throw new UnauthorizedError('the conversation token does not match');
  return toConversation(doc);
}
