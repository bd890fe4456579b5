import { Schema, type Connection, type Model } from 'mongoose';
import type { CapacityQueueRepository, QueuedConversation } from '../../src/ports/capacity-queue-repository.js';
import { isDuplicateKeyError } from './handover-store.js';

/** A conversation waiting for someone with room; `_id` is the conversation's id (one waiting handover at a time). */
export interface QueuedConversationDocument {
  _id: string;
  handoverId: string;
  botId: string;
  tenant: string;
  since: Date;
}

const queuedSchema = new Schema<QueuedConversationDocument>(
  {
    _id: String,
    handoverId: { type: String, required: true },
    botId: { type: String, required: true },
    tenant: { type: String, required: true },
    since: { type: Date, required: true },
  },
  { versionKey: false },
);
// a tenant's queue, oldest first
queuedSchema.index({ tenant: 1, since: 1 });

export function capacityQueueModel(connection: Connection): Model<QueuedConversationDocument> {
  return connection.model<QueuedConversationDocument>('QueuedConversation', queuedSchema, 'capacityQueue');
}

/** The collection holds only what waits now (entries go when assigned, claimed or resolved), so reading a tenant's queue stays cheap. */
export function mongoCapacityQueue(queue: Model<QueuedConversationDocument>): CapacityQueueRepository {
  return {
    async add({ conversationId, ...entry }) {
      try {
        await queue.create({ _id: conversationId, ...entry });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    },
    async remove(conversationId) {
      await queue.deleteOne({ _id: conversationId });
    },
    async oldest(tenant, limit) {
      const docs = await queue.find({ tenant }).sort({ since: 1, _id: 1 }).limit(limit).lean<QueuedConversationDocument[]>();
      return docs.map(
        ({ _id, handoverId, botId, tenant: owner, since }): QueuedConversation => ({ conversationId: _id, handoverId, botId, tenant: owner, since }),
      );
    },
    async tenants() {
      return (await queue.distinct('tenant')).map(String).sort();
    },
  };
}
