/** Enough to amortise a round trip; small enough that one batch never holds the database for long. */
const MAX_BATCH = 64;

interface Waiting<Op, Result> {
  op: Op;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes asked for while a batch is on its way to the
 * database go together in the next one, as one command. Each caller still
 * waits for its own write to be committed (nothing is acknowledged before
 * it is stored), but many concurrent turns share a round trip: on these
 * machines a round trip costs more than the write (bench/RESULTS.md).
 * Alone, a write leaves at once. Reads
 * that the embedded database answers by a scan group the same way.
 */
export function groupWhileInFlight<Op, Result>(flush: (ops: Op[]) => Promise<Array<Result | Error>>): (op: Op) => Promise<Result> {
  let queue: Array<Waiting<Op, Result>> = [];
  let flushing = false;
  const run = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      try {
        const results = await flush(batch.map((waiting) => waiting.op));
        batch.forEach((waiting, i) => {
          const result = results[i]!;
          if (result instanceof Error) waiting.reject(result);
          else waiting.resolve(result);
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    flushing = false;
  };
  return (op) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ op, resolve, reject });
      if (flushing) return;
      flushing = true;
      // callers of the same tick share the first batch too
      queueMicrotask(() => void run());
    });
}
