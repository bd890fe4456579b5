import type { Model } from 'mongoose';
import type { HandoverStore } from './handover-store.js';

/** An _id no document has: the warm-up reads find nothing and change nothing. */
const NO_SUCH_ID = '~warm-up~';
/** Reads per model: enough for V8 to compile the driver's and mongoose's read path to baseline code, not to slow a start. */
const ROUNDS = 5;
/** Reads in flight at once: the pool's warm connections each carry some. */
const IN_FLIGHT = 4;

/**
 * Runs each model's read path a few times before the service takes
 * traffic, several reads at once so the driver's pool has its connections
 * open: the first burst after a start (fifty Claim clicks) otherwise
 * queued behind code running for the first time (mongoose's casting and
 * query building, the driver's cursors and wire protocol, interpreted and
 * with empty inline caches) and behind connections being opened. Reads
 * only, by an _id nobody has; a failure here never stops the start.
 */
export async function warmUpStore(store: HandoverStore): Promise<void> {
  const models = Object.values(store).filter((value): value is Model<unknown> => typeof value === 'function' && 'findOne' in value);
  const reads = models.flatMap((model) => Array.from({ length: ROUNDS }, () => model));
  for (let i = 0; i < reads.length; i += IN_FLIGHT) {
    await Promise.all(reads.slice(i, i + IN_FLIGHT).map((model) => model.findOne({ _id: NO_SUCH_ID }).lean().exec().catch(() => null)));
  }
}
