import type { Agenda } from 'agenda';
import { SWEEP_LOCK_MS } from './agenda-scheduler.js';
import type { Logger } from 'pino';
import type { Outbox } from '../src/notify/outbox.js';

export const OUTBOX_DELIVERY_JOB = 'outbox-delivery';

/**
 * One recurring Agenda job delivers what the outbox still holds: retries
 * after a failure, and first tries a crashed process never made. Agenda runs
 * it on one replica at a time; the outbox's per-try locks make an overlap
 * harmless anyway.
 */
export async function scheduleOutboxDelivery(agenda: Agenda, outbox: Outbox, log: Logger, intervalMs: number): Promise<void> {
  agenda.define(
    OUTBOX_DELIVERY_JOB,
    async () => {
      const delivered = await outbox.deliverDue();
      if (delivered > 0) log.info({ delivered }, 'outbox delivered');
    },
    { concurrency: 1, lockLifetime: SWEEP_LOCK_MS },
  );
  await agenda.every(intervalMs, OUTBOX_DELIVERY_JOB);
}
