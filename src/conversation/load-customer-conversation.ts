import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { toConversation } from '../storage/to-domain.js';
import type { Conversation } from '../types.js';

const MISSING_TOKEN = 'this conversation needs its token: send "Authorization: Bearer <token>"';

/** Throws unless `token` is the customer's token for this conversation (no database read). */
export function checkCustomerToken(ctx: HandoverContext, conversationId: string, token: string | undefined): void {
  if (!token) throw new UnauthorizedError(MISSING_TOKEN);
  if (!ctx.tokens.verify(conversationId, token)) throw new UnauthorizedError('the conversation token does not match');
}

/** A conversation as its customer may see it: the token must match. */
export async function loadCustomerConversation(
  ctx: HandoverContext,
  conversationId: string,
  token: string | undefined,
): Promise<Conversation> {
  // a missing token is refused before the lookup, a wrong one after it: an unknown conversation is 404 whatever token comes with it
  if (!token) throw new UnauthorizedError(MISSING_TOKEN);
  // a transcript embedded by an earlier version is not needed here: leave it in the database
  const doc = await ctx.store.conversations.findById(conversationId).select('-messages').lean();
  if (!doc) throw new NotFoundError(`conversation "${conversationId}"`);
  checkCustomerToken(ctx, conversationId, token);
  return toConversation(doc);
}
