import type { UpdateQuery } from 'mongoose';
import type { ConversationDocument, HandoverStore } from './handover-store.js';
import { oneAtATime } from './one-at-a-time.js';

/**
 * Every write to a conversation document goes through here, one at a time
 * per conversation within the process (see oneAtATime: on FerretDB two
 * concurrent updates could lose a relayed message or a post reference).
 */
export function updateConversation(
  store: HandoverStore,
  conversationId: string,
  update: UpdateQuery<ConversationDocument>,
): Promise<ConversationDocument | null> {
  return oneAtATime(`conversation:${conversationId}`, () =>
    store.conversations.findOneAndUpdate({ _id: conversationId }, update, { returnDocument: 'after' }).lean<ConversationDocument>().exec(),
  );
}
