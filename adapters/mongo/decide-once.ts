import { insertBatched } from './batched-writes.js';
import type { HandoverStore } from './handover-store.js';

export type DecisionOutcome = { won: true } | { won: false; winner: Record<string, unknown> };

/**
 * Decides a race (claim, resolve, a task reminder…) with a single insert of a
 * unique key: exactly one caller wins, on any number of replicas. FerretDB's
 * conditional updates are not atomic under concurrency (20 simultaneous
 * claims produced 5 winners), but its unique keys are, as are MongoDB's.
 * Concurrent decisions share one insert command (see batched-writes).
 */
export async function decideOnce(store: HandoverStore, key: string, winner: Record<string, unknown> = {}): Promise<DecisionOutcome> {
  if ((await insertBatched(store.decisions, { _id: key, at: new Date(), winner })) === 'inserted') return { won: true };
  const decision = await store.decisions.findById(key).lean();
  return { won: false, winner: decision?.winner ?? {} };
}
