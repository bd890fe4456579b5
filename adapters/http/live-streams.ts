/** What the live-stream count reports to monitoring. */
export interface LiveStreamMetrics {
  opened(): void;
  closed(): void;
  /** A stream request past the token check that did not open: its client had left, or has its limit open. */
  refused(reason: 'client_gone' | 'over_limit'): void;
}

/**
 * The live streams (Server-Sent Events) this replica holds open, and the
 * cap per client: each one holds a connection, a timer and a place in the
 * events poll for as long as the client stays.
 */
export interface LiveStreams {
  /** Counts a stream for this client; null when the client already has its limit open. The release is idempotent. */
  open(client: string): (() => void) | null;
  clientGone(): void;
  readonly perClient: number;
}

export function createLiveStreams(options: { perClient: number; metrics: LiveStreamMetrics }): LiveStreams {
  const byClient = new Map<string, number>();
  return {
    perClient: options.perClient,
    open(client) {
      const open = byClient.get(client) ?? 0;
      if (open >= options.perClient) {
        options.metrics.refused('over_limit');
        return null;
      }
      byClient.set(client, open + 1);
      options.metrics.opened();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (byClient.get(client) ?? 1) - 1;
        if (left > 0) byClient.set(client, left);
        else byClient.delete(client);
        options.metrics.closed();
      };
    },
    clientGone() {
      options.metrics.refused('client_gone');
    },
  };
}
