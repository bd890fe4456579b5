/** A fixed-concurrency load of HTTP requests, with per-request latency. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Every request's latency, sorted (ms). */
  latencies: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** How clients pace themselves (neither wait counts in a request's latency); none: back to back from the start. */
export interface LoadPacing {
  /** Before a client's first request. */
  start?: (worker: number) => Promise<unknown>;
  /** After each of its requests. */
  think?: () => Promise<unknown>;
}

export async function runLoad(
  total: number,
  concurrency: number,
  request: (worker: number, index: number) => Promise<boolean>,
  pacing: LoadPacing = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      await pacing.start?.(worker);
      while (next < total) {
        const index = next++;
        const t0 = performance.now();
        const ok = await request(worker, index).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
        await pacing.think?.();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return loadResult(total, errors, seconds, latencies);
}

function loadResult(requests: number, errors: number, seconds: number, sortedLatencies: number[]): LoadResult {
  return {
    requests,
    errors,
    seconds,
    perSecond: requests / seconds,
    p50: percentile(sortedLatencies, 0.5),
    p99: percentile(sortedLatencies, 0.99),
    latencies: sortedLatencies,
  };
}

/** Loads run in slices, as one: their requests over their summed time, percentiles over all their latencies. */
export function combinedLoad(slices: LoadResult[]): LoadResult {
  const sum = (pick: (slice: LoadResult) => number) => slices.reduce((total, slice) => total + pick(slice), 0);
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  return loadResult(sum((slice) => slice.requests), sum((slice) => slice.errors), sum((slice) => slice.seconds), latencies);
}
