import type { HandoverContext } from '../handover-context.js';
import type { TurnResult } from '../types.js';
import type { CustomerTurn } from './handle-customer-message.js';

/**
 * The answer already given to a message with this client key, for a retry.
 * A retry that arrives while the first attempt is still running waits for it.
 */
export async function replayTurn(
  ctx: HandoverContext,
  clientKey: string,
  options: { waitMs?: number } = {},
): Promise<CustomerTurn | null> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const doc = await ctx.store.messages.findOne({ clientKey }).lean();
    if (!doc) return null;
    if (doc.turnResult) {
      const result = doc.turnResult as TurnResult;
      const startedConversation = clientKey.includes(':new:');
      return { result, token: startedConversation ? ctx.tokens.issue(result.conversationId) : null };
    }
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
