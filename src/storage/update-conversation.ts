import type { UpdateQuery } from 'mongoose';
import type { ConversationDocument, HandoverStore } from './handover-store.js';

const queues = new Map<string, Promise<unknown>>();

/**
 * Every write to a conversation document goes through here, one at a time
 * per conversation within the process. FerretDB applies an update as read,
 * modify, write without a lock, so two concurrent updates of one document
 * can lose one of them (a relayed message, a post reference); MongoDB does
 * not, and several replicas on FerretDB remain exposed (see README).
 */
export function updateConversation(
  store: HandoverStore,
  conversationId: string,
  update: UpdateQuery<ConversationDocument>,
): Promise<ConversationDocument | null> {
  return oneAtATime(conversationId, () =>
    store.conversations.findOneAndUpdate({ _id: conversationId }, update, { returnDocument: 'after' }).lean<ConversationDocument>().exec(),
  );
}

/** The same, without returning the document (a long transcript costs to read back). */
export async function updateConversationQuietly(
  store: HandoverStore,
  conversationId: string,
  update: UpdateQuery<ConversationDocument>,
): Promise<void> {
  await oneAtATime(conversationId, () => store.conversations.updateOne({ _id: conversationId }, update).exec());
}

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
