// Loaded into the service by the bench (`node --import ./bench/service-probe.mjs`,
// with STALL_PROBE_FILE set) to see what the service itself was doing when
// turns were slow: every 50 ms one JSON line with the wall-clock time, the
// event loop's longest delay in that window, and the garbage collections that
// ended in it (kind and pause). Bench-only: the service never loads it.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks';

const file = process.env.STALL_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let gcs = [];
  const kinds = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push([kinds[entry.detail?.kind] ?? String(entry.detail?.kind), Math.round(entry.duration * 100) / 100]);
  }).observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const line = { at: Date.now(), delayMaxMs: Math.round(delay.max / 1e4) / 100, gcs };
    delay.reset();
    gcs = [];
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 50);
  timer.unref();
}
