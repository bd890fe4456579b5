import { ConflictError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { isDuplicateKeyError } from '../storage/handover-store.js';
import type { TurnResult } from '../types.js';

const RETRY_WAIT_MS = 10_000;

/**
 * The answer is a second receipt document rather than an update of the
 * first: inserts stay cheap on FerretDB, where an update costs time in
 * proportion to the collection's size.
 */
function answerId(receiptId: string): string {
  return `${receiptId}#answer`;
}

export async function recordReceiptAnswer(
  ctx: HandoverContext,
  receiptId: string,
  result: TurnResult,
): Promise<void> {
  await ctx.store.receipts.create({ _id: answerId(receiptId), conversationId: result.conversationId, at: ctx.now(), turnResult: result });
}

/**
 * Takes the receipt for a client message id. The first caller gets to run
 * the turn; a retry (even a concurrent one) gets the answer the first one gave.
 */
export async function takeReceipt(
  ctx: HandoverContext,
  receiptId: string,
  conversationId: string,
): Promise<{ replay: TurnResult | null }> {
  try {
    await ctx.store.receipts.create({ _id: receiptId, conversationId, at: ctx.now(), turnResult: null });
    return { replay: null };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const deadline = Date.now() + RETRY_WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const answered = await ctx.store.receipts.findById(answerId(receiptId)).lean();
    if (answered?.turnResult) return { replay: answered.turnResult };
    if (Date.now() >= deadline) throw new ConflictError('this message is still being processed; retry in a moment');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
