import type { EscalationPostRepository, PostReference } from '../../src/ports/escalation-post-repository.js';
import { insertBatched } from './batched-writes.js';
import type { HandoverStore } from './handover-store.js';
import { setConversationFields } from './update-conversation.js';

/**
 * A post is found by its key through its own document (`_id`: the only
 * lookup FerretDB serves without a scan); the escalation's own post per
 * platform is kept in the conversation (`channelRefs`).
 */
export function mongoEscalationPosts(store: HandoverStore): EscalationPostRepository {
  return {
    async record(conversationId, platform, key, reference, main) {
      // a duplicate: an earlier try recorded this very post
      await Promise.all([
        main ? setConversationFields(store, conversationId, { [`channelRefs.${platform}`]: reference }) : null,
        insertBatched(store.escalationPosts, { _id: key, conversationId, at: new Date() }),
      ]);
    },
    async conversationOfPost(key) {
      return (await store.escalationPosts.findById(key).lean())?.conversationId ?? null;
    },
    async postsOf(conversationId) {
      const doc = await store.conversations.findById(conversationId, { channelRefs: 1 }).lean();
      return (doc?.channelRefs ?? {}) as Record<string, PostReference>;
    },
  };
}
