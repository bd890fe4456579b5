/** A conversation whose rule auto-assigns it, waiting until someone has room (src/capacity/capacity-queue.ts). */
export interface QueuedConversation {
  conversationId: string;
  handoverId: string;
  botId: string;
  tenant: string;
  /** When it was handed over: the queue is served oldest first. */
  since: Date;
}

export interface CapacityQueueRepository {
  /** Queues a conversation (again: no change). */
  add(entry: QueuedConversation): Promise<void>;
  remove(conversationId: string): Promise<void>;
  /** A tenant's queue, oldest first, at most `limit`. */
  oldest(tenant: string, limit: number): Promise<QueuedConversation[]>;
  /** The tenants with a conversation waiting. */
  tenants(): Promise<string[]>;
}
