import { Schema, type Connection, type Model } from 'mongoose';
import { oneAtATime } from '../../src/ordering/one-at-a-time.js';
import { isDuplicateKeyError } from './handover-store.js';
import type { ClaimWait, WaitingEntry, WaitingQueueRepository } from '../../src/ports/waiting-queue-repository.js';

/** How many claim waits a bot keeps (the expected wait uses the last 20). */
const CLAIM_WAITS_KEPT = 20;

/**
 * One document per waiting conversation (`w:<conversationId>`) and one per
 * bot with its recent claim waits (`c:<botId>`). Entries go when the
 * conversation is claimed or resolved, so the collection holds only what
 * waits now and a bot's queue is read without touching the conversations:
 * on MongoDB through the index, on the embedded server (which indexes only
 * `_id`) by a scan of this small collection. Entering and leaving are
 * single-document upserts and deletes by `_id`, so replicas cannot lose
 * each other's entries.
 */
export interface WaitingQueueDocument {
  _id: string;
  botId: string;
  handoverId?: string;
  since?: Date;
  waits?: Array<{ at: Date; waitedMs: number }>;
}

const waitingQueueSchema = new Schema<WaitingQueueDocument>(
  {
    _id: String,
    botId: { type: String, required: true },
    handoverId: { type: String },
    since: { type: Date },
    waits: { type: Schema.Types.Mixed },
  },
  { versionKey: false },
);
// a bot's queue, oldest first
waitingQueueSchema.index({ botId: 1, since: 1 });

export function waitingQueueModel(connection: Connection): Model<WaitingQueueDocument> {
  return connection.model<WaitingQueueDocument>('WaitingQueue', waitingQueueSchema, 'waitingQueue');
}

export function mongoWaitingQueue(queue: Model<WaitingQueueDocument>): WaitingQueueRepository {
  return {
    async enter({ conversationId, handoverId, botId, since }) {
      await queue.updateOne({ _id: `w:${conversationId}` }, { $set: { botId, handoverId, since } }, { upsert: true });
    },
    async leave(conversationId) {
      await queue.deleteOne({ _id: `w:${conversationId}` });
    },
    async waiting(botId, limit) {
      const docs = await queue
        .find({ botId, since: { $exists: true } })
        .sort({ since: 1, _id: 1 })
        .limit(limit)
        .lean<WaitingQueueDocument[]>();
      return docs.map((doc): WaitingEntry => ({ conversationId: doc._id.slice(2), handoverId: doc.handoverId!, botId: doc.botId, since: new Date(doc.since!) }));
    },
    recordClaimWait(botId, wait) {
      // a whole-list write, one at a time in this process; two replicas writing at once may drop one sample, which a median shrugs off
      return oneAtATime(`claimWaits:${botId}`, async () => {
        const doc = await queue.findById(`c:${botId}`).lean<WaitingQueueDocument>();
        const waits = [...(doc?.waits ?? []), wait].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()).slice(-CLAIM_WAITS_KEPT);
        try {
          await queue.updateOne({ _id: `c:${botId}` }, { $set: { botId, waits } }, { upsert: true });
        } catch (error) {
          // another replica created the list a moment ago: this sample is dropped
          if (!isDuplicateKeyError(error)) throw error;
        }
      });
    },
    async recentClaimWaits(botId) {
      const doc = await queue.findById(`c:${botId}`).lean<WaitingQueueDocument>();
      return (doc?.waits ?? []).map((wait): ClaimWait => ({ at: new Date(wait.at), waitedMs: wait.waitedMs }));
    },
  };
}
