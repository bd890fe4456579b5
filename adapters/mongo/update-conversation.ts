import type { UpdateQuery } from 'mongoose';
import type { ConversationDocument, HandoverStore } from './handover-store.js';
import { updateOneBatched } from './batched-writes.js';
import { forgetConversation, rememberConversation } from './known-conversations.js';
import { oneAtATime } from '../../src/ordering/one-at-a-time.js';

/**
 * Every write to a conversation document runs inside this, one at a time per
 * conversation within the process (see oneAtATime: on FerretDB two
 * concurrent updates could lose a relayed message or a post reference).
 * `work` may write more than the document (a transcript chunk) in that turn.
 */
export function inConversationOrder<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
  return oneAtATime(`conversation:${conversationId}`, work);
}

/** The conversation after `update` (which counts as a revision), or null if there is none; call it inside inConversationOrder. */
export async function applyConversationUpdate(
  store: HandoverStore,
  conversationId: string,
  update: UpdateQuery<ConversationDocument>,
): Promise<ConversationDocument | null> {
  forgetConversation(store, conversationId);
  const revised = { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } };
  const doc = await store.conversations.findOneAndUpdate({ _id: conversationId }, revised, { returnDocument: 'after' }).lean<ConversationDocument>().exec();
  if (doc) rememberConversation(store, doc);
  return doc;
}

/** One update of a conversation document, in its turn. */
export function updateConversation(
  store: HandoverStore,
  conversationId: string,
  update: UpdateQuery<ConversationDocument>,
): Promise<ConversationDocument | null> {
  return inConversationOrder(conversationId, () => applyConversationUpdate(store, conversationId, update));
}

/**
 * Sets fields of a conversation (dotted paths allowed) without reading it
 * back: the write shares a command (and on the embedded FerretDB a commit)
 * with other conversations' writes of the moment. This process's copy of
 * the conversation is dropped, so its next turn reads it afresh.
 */
export function setConversationFields(store: HandoverStore, conversationId: string, fields: Record<string, unknown>): Promise<void> {
  return inConversationOrder(conversationId, async () => {
    forgetConversation(store, conversationId);
    await updateOneBatched(store.conversations, { _id: conversationId }, { $set: { ...fields, updatedAt: new Date() }, $inc: { revision: 1 } });
  });
}
