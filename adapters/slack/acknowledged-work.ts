/**
 * How long a click's work waits after its acknowledgement. Slack retries a
 * click it has not seen acknowledged within three seconds; the person who
 * clicked sees the outcome (the post updated, "already claimed") a moment
 * later either way. Node accepts one new connection per turn of its event
 * loop (libuv 1.45 on), so when fifty people click Claim at once over new
 * connections, every turn spent on an earlier click's database work delays
 * the next click's acknowledgement: waiting a little lets the whole burst be
 * acknowledged first (bench/RESULTS.md, issue 25).
 */
export const WORK_AFTER_ACK_MS = 100;

/** How long stopping waits for the work of clicks already acknowledged. */
const DRAIN_MS = 10_000;

/**
 * The work of interactions Slack has had its acknowledgement for. Stopping
 * the service waits for it: an acknowledged click is not retried by Slack,
 * so work dropped at shutdown would be a click lost.
 */
export function acknowledgedWork() {
  const pending = new Set<Promise<void>>();
  return {
    async run(ack: () => Promise<void>, work: () => Promise<void>): Promise<void> {
      await ack();
      const done = new Promise((resolve) => setTimeout(resolve, WORK_AFTER_ACK_MS)).then(work);
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
