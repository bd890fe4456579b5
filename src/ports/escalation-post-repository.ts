/** A platform's reference to an escalation post (a Slack message, a Teams card). */
export type PostReference = Record<string, unknown>;

/** Where escalations were posted, per platform, so thread replies and updates find their conversation. */
export interface EscalationPostRepository {
  /**
   * Records a post of `conversationId` on `platform` under `key` (e.g.
   * `slack:<channel>:<ts>`); `main`: it is the escalation's own post, the
   * one later updates edit. Recording the same post again changes nothing.
   */
  record(conversationId: string, platform: string, key: string, reference: PostReference, main: boolean): Promise<void>;
  /** The conversation a post (or its thread) belongs to. */
  conversationOfPost(key: string): Promise<string | null>;
  /** The escalation's own posts, by platform. */
  postsOf(conversationId: string): Promise<Record<string, PostReference>>;
}
