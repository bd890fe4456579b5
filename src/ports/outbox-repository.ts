/** A notification waiting to reach one platform (src/notify/outbox.ts). */
export interface OutboxRow {
  /** Ordered: rows of one conversation are delivered in this order. */
  id: string;
  target: string;
  kind: string;
  /** Set for notifications delivered once however often queued. */
  onceKey: string | null;
  event: Record<string, unknown>;
  /** `<target>:<conversation id>`: a failed row holds back the later rows of its key. */
  orderKey: string;
  attempt: number;
  nextAt: Date;
  state: 'pending' | 'failed';
  lastError: string | null;
  queuedAt: Date;
}

export interface OutboxRepository {
  add(row: OutboxRow): Promise<void>;
  remove(rowId: string): Promise<void>;
  /** Whether an older row of the same order key is still pending. */
  hasOlderPending(row: Pick<OutboxRow, 'id' | 'orderKey'>): Promise<boolean>;
  /** The oldest pending rows, at most `limit`, oldest first. */
  oldestPending(limit: number): Promise<OutboxRow[]>;
  dueAgainAt(rowId: string, at: Date): Promise<void>;
  recordFailure(rowId: string, failure: { attempt: number; lastError: string } & ({ state: 'failed' } | { nextAt: Date })): Promise<void>;
  /** Counts the try as made (it was interrupted) if it is still at `attempt`. */
  countInterruptedTry(rowId: string, attempt: number): Promise<void>;
  /** Rows by target and state (metrics, the operator's CLI). */
  countByTargetAndState(): Promise<Array<{ target: string; state: string; count: number }>>;
}
