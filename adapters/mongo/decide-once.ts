import type { Decisions } from '../../src/ports/decisions.js';
import { insertBatched } from './batched-writes.js';
import type { HandoverStore } from './handover-store.js';
import { shareInFlight } from '../share-in-flight.js';

/**
 * Decides a race (claim, resolve, a task reminder…) with a single insert of a
 * unique key: exactly one caller wins, on any number of replicas. A FerretDB
 * workaround: its conditional updates are not atomic under concurrency, but
 * its unique keys are, as are MongoDB's. Concurrent decisions share one
 * insert command (see batched-writes), and its losers on this process share
 * one read of the winner: fifty staff clicking Claim at once read the same
 * decision once, not forty-nine times. Only losers read, after their insert
 * met the key, so a shared read always finds the decision that beat them.
 */
export function mongoDecisions(store: HandoverStore): Decisions {
  const winnerOf = shareInFlight(async (key) => (await store.decisions.findById(key).lean())?.winner ?? {});
  return {
    async decideOnce(key, winner = {}) {
      if ((await insertBatched(store.decisions, { _id: key, at: new Date(), winner })) === 'inserted') return { won: true };
      return { won: false, winner: await winnerOf(key) };
    },
    async isDecided(key) {
      // by _id, one each: FerretDB would scan the whole decisions collection for an $in
      return (await store.decisions.exists({ _id: key })) !== null;
    },
    async withdraw(key) {
      await store.decisions.deleteOne({ _id: key });
    },
    async forgetOlderThan(keyPrefix, cutoff) {
      // a key range rather than a regular expression: MongoDB answers it from the _id index
      const { deletedCount } = await store.decisions.deleteMany({ _id: { $gte: keyPrefix, $lt: `${keyPrefix}\uffff` }, at: { $lt: cutoff } });
      return deletedCount;
    },
  };
}
