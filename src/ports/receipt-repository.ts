import type { TurnResult } from '../types.js';

/** A client message id taken by a turn (see src/conversation/message-receipts.ts). */
export interface MessageReceipt {
  id: string;
  conversationId: string;
  /** A hash of what the message said (null on receipts written before fingerprints). */
  fingerprint: string | null;
  /** The id the customer's message is stored under. */
  messageId: string | null;
  at: Date;
}

export interface ReceiptRepository {
  /** false when the id is taken already. */
  take(receipt: MessageReceipt): Promise<boolean>;
  find(receiptId: string): Promise<MessageReceipt | null>;
  /** Stores the answer a receipt's turn gave (the first answer stands). */
  saveAnswer(receiptId: string, conversationId: string, result: TurnResult, at: Date): Promise<void>;
  answerOf(receiptId: string): Promise<TurnResult | null>;
  /** Removes a receipt and its answer if taken before `cutoff`. */
  dropIfTakenBefore(receiptId: string, cutoff: Date): Promise<void>;
  /** Removes every receipt taken before `cutoff`; returns how many went. */
  expireBefore(cutoff: Date): Promise<number>;
}
