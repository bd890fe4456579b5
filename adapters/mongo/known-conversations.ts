import type { ConversationDocument, HandoverStore } from './handover-store.js';
import { perStore } from './per-store.js';

/**
 * Enough for every conversation active at once on one replica (customers
 * pausing between turns included); about a kilobyte each. A conversation
 * pushed out costs its next turn a findAndModify of its own instead of a
 * place in a batched update.
 */
const MAX_KNOWN = 20_000;

/**
 * Each conversation as this process last wrote it, with its `revision`
 * (every write of a conversation adds one). A customer's turn judges the
 * message from this copy and writes only if the revision is still the same
 * (appendCustomerTurn), so it needs no read before its write; when another
 * replica wrote in between, the write misses and the turn reads afresh.
 * Least recently written first out.
 */
const knownConversations = perStore(() => new Map<string, ConversationDocument>());

export function knownConversation(store: HandoverStore, conversationId: string): ConversationDocument | undefined {
  return knownConversations(store).get(conversationId);
}

export function rememberConversation(store: HandoverStore, doc: ConversationDocument): void {
  const known = knownConversations(store);
  known.delete(doc._id);
  // a transcript embedded in the document (written before pages existed) is too big to keep
  if (doc.revision === undefined || doc.messages) return;
  known.set(doc._id, doc);
  if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
}

export function forgetConversation(store: HandoverStore, conversationId: string): void {
  knownConversations(store).delete(conversationId);
}

/**
 * A conversation read afresh replaces this process's copy of it when the
 * read is newer (another replica wrote since), so the turn that follows the
 * read (an AI assistant's) writes on the revision it was judged from.
 */
export function freshenConversation(store: HandoverStore, doc: ConversationDocument): void {
  const known = knownConversations(store).get(doc._id);
  if (known && doc.revision !== undefined && (known.revision ?? -1) < doc.revision) rememberConversation(store, doc);
}
