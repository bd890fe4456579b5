import type { ReceiptRepository } from '../../src/ports/receipt-repository.js';
import { insertBatched } from './batched-writes.js';
import type { HandoverStore, ReceiptDocument } from './handover-store.js';

/**
 * The answer is a second receipt document rather than an update of the
 * first: an insert joins the other receipts in a batched command (one for
 * many concurrent turns), where an update would be a command of its own.
 */
function answerId(receiptId: string): string {
  return `${receiptId}#answer`;
}

export function mongoReceipts(store: HandoverStore): ReceiptRepository {
  return {
    async take({ id, ...receipt }) {
      return (await insertBatched(store.receipts, { _id: id, ...receipt, turnResult: null })) === 'inserted';
    },
    async find(receiptId) {
      const doc = await store.receipts.findById(receiptId).lean<ReceiptDocument>();
      if (!doc) return null;
      return { id: doc._id, conversationId: doc.conversationId, fingerprint: doc.fingerprint ?? null, messageId: doc.messageId ?? null, at: doc.at };
    },
    async saveAnswer(receiptId, conversationId, result, at) {
      // a duplicate: a retry that finished the turn answered first, the same way
      await insertBatched(store.receipts, { _id: answerId(receiptId), conversationId, messageId: null, fingerprint: null, at, turnResult: result });
    },
    async answerOf(receiptId) {
      return (await store.receipts.findById(answerId(receiptId)).lean<ReceiptDocument>())?.turnResult ?? null;
    },
    async dropIfTakenBefore(receiptId, cutoff) {
      // `at` in the filter: a receipt another request took afresh meanwhile stays
      await store.receipts.deleteOne({ _id: answerId(receiptId), at: { $lt: cutoff } });
      await store.receipts.deleteOne({ _id: receiptId, at: { $lt: cutoff } });
    },
    async expireBefore(cutoff) {
      const { deletedCount } = await store.receipts.deleteMany({ at: { $lt: cutoff } });
      return deletedCount;
    },
  };
}
