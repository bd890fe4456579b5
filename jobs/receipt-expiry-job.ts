import type { Agenda } from 'agenda';
import { SWEEP_LOCK_MS } from './agenda-scheduler.js';
import type { HandoverContext } from '../src/handover-context.js';
import { expireReceipts } from '../src/conversation/message-receipts.js';
import { forgetOldPlatformEvents } from '../src/events/handle-platform-event-once.js';
import { forgetOldHandoffKeys } from '../src/handover/accept-handoff.js';

export const RECEIPT_EXPIRY_JOB = 'receipt-expiry';

/**
 * Forgets what only guards against retries once retries are over: client
 * message ids, handled platform events and handoff Idempotency-Keys (a TTL index would do it on
 * MongoDB, but the embedded FerretDB has none); one replica at a time.
 */
export async function scheduleReceiptExpiry(agenda: Agenda, ctx: HandoverContext, intervalMs: number): Promise<void> {
  agenda.define(
    RECEIPT_EXPIRY_JOB,
    async () => {
      const receipts = await expireReceipts(ctx);
      const platformEvents = await forgetOldPlatformEvents(ctx);
      const handoffKeys = await forgetOldHandoffKeys(ctx);
      if (receipts + platformEvents + handoffKeys > 0) ctx.log.info({ receipts, platformEvents, handoffKeys }, 'retry records expired');
    },
    { concurrency: 1, lockLifetime: SWEEP_LOCK_MS },
  );
  await agenda.every(intervalMs, RECEIPT_EXPIRY_JOB);
}
