import type { Agenda } from 'agenda';
import { SWEEP_LOCK_MS } from './agenda-scheduler.js';
import type { HandoverContext } from '../src/handover-context.js';
import { serveCapacityQueues } from '../src/capacity/capacity-queue.js';

export const CAPACITY_QUEUE_JOB = 'capacity-queue';

/**
 * Gives out conversations waiting for room that no free-up served: those
 * that waited through a bot's closed hours, once it opens; one replica at a
 * time (the claim decision keeps any overlap harmless anyway).
 */
export async function scheduleCapacityQueue(agenda: Agenda, ctx: HandoverContext, intervalMs: number): Promise<void> {
  agenda.define(
    CAPACITY_QUEUE_JOB,
    async () => {
      const assigned = await serveCapacityQueues(ctx);
      if (assigned > 0) ctx.log.info({ assigned }, 'waiting conversations given out');
    },
    { concurrency: 1, lockLifetime: SWEEP_LOCK_MS },
  );
  await agenda.every(intervalMs, CAPACITY_QUEUE_JOB);
}
