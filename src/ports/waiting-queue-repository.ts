/** A handed-over conversation nobody has claimed yet, in its bot's queue. */
export interface WaitingEntry {
  conversationId: string;
  handoverId: string;
  botId: string;
  /** When it was handed over: the queue is oldest first. */
  since: Date;
}

/** How long one claimed conversation had waited (open time only, see src/business-hours/). */
export interface ClaimWait {
  at: Date;
  waitedMs: number;
}

/** The bots' queues of waiting conversations and their recent times to claim (src/queue/). */
export interface WaitingQueueRepository {
  /** Puts a conversation in its bot's queue (again: its newest handover replaces the old entry). */
  enter(entry: WaitingEntry): Promise<void>;
  leave(conversationId: string): Promise<void>;
  /** A bot's waiting conversations, oldest first, at most `limit`. */
  waiting(botId: string, limit: number): Promise<WaitingEntry[]>;
  /** Remembers a claim's wait; only the most recent few per bot are kept. */
  recordClaimWait(botId: string, wait: ClaimWait): Promise<void>;
  /** The bot's recent claim waits, oldest first. */
  recentClaimWaits(botId: string): Promise<ClaimWait[]>;
}
