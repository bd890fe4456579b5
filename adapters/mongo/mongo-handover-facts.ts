import { Schema, type Connection, type Model } from 'mongoose';
import type { HandoverFact, HandoverFactRepository } from '../../src/ports/handover-fact-repository.js';
import { isDuplicateKeyError } from './handover-store.js';

/** One step of a handover: `_id` is `<handoverId>:<kind>`, so each is written once. */
export type HandoverFactDocument = HandoverFact & { _id: string };

const factSchema = new Schema(
  {
    _id: String,
    kind: { type: String, required: true },
    handoverId: { type: String, required: true },
    botId: { type: String, required: true },
    at: { type: Date, required: true },
    conversationId: String,
    trigger: String,
    open: Boolean,
    handoverAt: Date,
    how: String,
    score: Number,
    comment: { type: String, default: undefined },
  },
  { versionKey: false, strict: false },
);
// the team view: a bot's facts since a day, and its open handovers
factSchema.index({ botId: 1, at: 1 });
factSchema.index({ botId: 1, open: 1 });

export function handoverFactModel(connection: Connection): Model<HandoverFactDocument> {
  return connection.model<HandoverFactDocument>('HandoverFact', factSchema as unknown as Schema<HandoverFactDocument>, 'handoverFacts');
}

/**
 * Facts are inserted, never updated (but a start's `open`, by the one who
 * ended it): FerretDB can lose one of two concurrent updates of a document,
 * so a claim and a resolve racing on two replicas each write their own.
 * Transcripts stay out, so reading a bot's month reads small documents.
 */
export function mongoHandoverFacts(facts: Model<HandoverFactDocument>): HandoverFactRepository {
  const toFact = ({ _id, ...fact }: HandoverFactDocument): HandoverFact => fact as HandoverFact;
  return {
    async record(fact) {
      try {
        await facts.create({ _id: `${fact.handoverId}:${fact.kind}`, ...fact });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async find(handoverId, kind) {
      const doc = await facts.findById(`${handoverId}:${kind}`).lean<HandoverFactDocument>();
      return doc ? (toFact(doc) as never) : null;
    },
    async close(handoverId) {
      await facts.updateOne({ _id: `${handoverId}:start` }, { $set: { open: false } });
    },
    async ofBot(botId, since) {
      const docs = await facts.find({ botId, $or: [{ at: { $gte: since } }, { open: true }] }).lean<HandoverFactDocument[]>();
      return docs.map(toFact);
    },
    async ofHandovers(handoverIds, kind) {
      if (handoverIds.length === 0) return [];
      // by _id, one each: FerretDB would scan the collection for an $in
      const docs = await Promise.all(handoverIds.map((id) => facts.findById(`${id}:${kind}`).lean<HandoverFactDocument>()));
      return docs.filter((doc): doc is HandoverFactDocument => doc !== null).map(toFact);
    },
    async botsActiveSince(since) {
      const ids = await facts.distinct('botId', { $or: [{ at: { $gte: since } }, { open: true }] });
      return ids.map(String).sort();
    },
  };
}
