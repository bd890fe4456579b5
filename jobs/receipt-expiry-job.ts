import type { Agenda } from 'agenda';
import { SWEEP_LOCK_MS } from './agenda-scheduler.js';
import type { HandoverContext } from '../src/handover-context.js';
import { expireReceipts } from '../src/conversation/message-receipts.js';

export const RECEIPT_EXPIRY_JOB = 'receipt-expiry';

/**
 * Forgets client message ids past their time (a TTL index would do it on
 * MongoDB, but the embedded FerretDB has none); one replica at a time.
 */
export async function scheduleReceiptExpiry(agenda: Agenda, ctx: HandoverContext, intervalMs: number): Promise<void> {
  agenda.define(
    RECEIPT_EXPIRY_JOB,
    async () => {
      const expired = await expireReceipts(ctx);
      if (expired > 0) ctx.log.info({ expired }, 'message receipts expired');
    },
    { concurrency: 1, lockLifetime: SWEEP_LOCK_MS },
  );
  await agenda.every(intervalMs, RECEIPT_EXPIRY_JOB);
}
