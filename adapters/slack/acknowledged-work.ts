/**
 * A click's work starts once no other click has been acknowledged for
 * `QUIET_MS` (at most `MAX_WAIT_MS` after its own acknowledgement). Slack
 * retries a click it has not seen acknowledged within three seconds; the
 * person who clicked sees the outcome (the post updated, "already claimed")
 * a moment later either way. Node accepts one new connection per turn of its
 * event loop (libuv 1.45 on), so when fifty people click Claim at once over
 * new connections, every turn spent on earlier clicks' database work delays
 * the next acknowledgement: holding the work back while a burst is still
 * arriving lets the whole burst be acknowledged first (bench/RESULTS.md,
 * issue 25), and a click alone waits only `QUIET_MS`.
 */
const QUIET_MS = 20;
const MAX_WAIT_MS = 500;

/** How long stopping waits for the work of clicks already acknowledged. */
const DRAIN_MS = 10_000;

/**
 * The work of interactions Slack has had its acknowledgement for. Stopping
 * the service waits for it: an acknowledged click is not retried by Slack,
 * so work dropped at shutdown would be a click lost.
 */
export function acknowledgedWork() {
  const pending = new Set<Promise<void>>();
  let lastAckAt = 0;
  const quietAfterBurst = async (ackedAt: number) => {
    const giveUpAt = ackedAt + MAX_WAIT_MS;
    for (;;) {
      const now = performance.now();
      const quietFor = now - lastAckAt;
      if (quietFor >= QUIET_MS || now >= giveUpAt) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(QUIET_MS - quietFor, giveUpAt - now)));
    }
  };
  return {
    async run(ack: () => Promise<void>, work: () => Promise<void>): Promise<void> {
      await ack();
      lastAckAt = performance.now();
      const done = quietAfterBurst(lastAckAt).then(work);
      pending.add(done);
      try {
        await done;
      } finally {
        pending.delete(done);
      }
    },
    async drain(): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const cutOff = new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS)));
      await Promise.race([Promise.allSettled([...pending]), cutOff]);
      clearTimeout(timer);
    },
  };
}

export type AcknowledgedWork = ReturnType<typeof acknowledgedWork>;
