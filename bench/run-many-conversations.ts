// `npx tsx bench/run-many-conversations.ts [--active=100,1000,10000] [--rate=200] [--seconds=10] [--search] [--count-commands] [--closed=32 --turns=3000] [--timeline [--probe] [--bucket=250]]`
// (after `npm run build`): the many-conversations phase of the bench alone,
// for investigating the cost of a turn. With --count-commands the service
// talks to the database through a proxy that counts the commands of each
// step; SERVICE_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
// are given to the service's node.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { startCommandCounter } from './command-counter.js';
import { benchHttpClient } from './http-client.js';
import { customerPopulation, measurePopulation, P99_BOUND_MS, type ManyConversationsStep } from './many-conversations.js';
import { pidWithArgument, processCpuMs } from './process-cpu.js';
import { repoRoot } from '../tools/repo-root.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const actives = option('active', '100,1000,10000').split(',').map(Number);
const rate = Number(option('rate', '200'));
const seconds = Number(option('seconds', '10'));
const search = process.argv.includes('--search');
const countCommands = process.argv.includes('--count-commands');
/** --closed=32: the 32-client shape (closed loop) over the population instead of the open loop. */
const closed = Number(option('closed', '0'));
/** --timeline: per quarter second of a step, its turns' slowest latency and how many were over the p99 bound (are the late turns bunched?). */
const timeline = process.argv.includes('--timeline');
const turnsClosed = Number(option('turns', '3000'));
/**
 * --probe (with --timeline): beside each quarter second of a step, what the
 * processes were doing then: the bench's own lateness in sending (is the
 * load generator behind?), the service's longest event-loop delay and its
 * garbage collections (bench/service-probe.mjs), the database's CPU, and
 * whether SQLite checkpointed its log into the database file then (the
 * file's size or time changed: in WAL mode nothing else writes it).
 */
const probe = process.argv.includes('--probe');
/** --bucket=250: the timeline's resolution, ms. */
const BUCKET_MS = Number(option('bucket', '250'));
const probeFile = join(mkdtempSync(join(tmpdir(), 'handover-probe-')), 'service.jsonl');

const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-'));
/** --database-args=-checkpoint-every=0s,-wal-autocheckpoint=1000: the database's flags (tools/ferretdb/main.go) for this run, after its defaults. */
const databaseArgs = option('database-args', '').split(',').filter(Boolean);
const db = await startEmbeddedDatabase({ dataDir, pprofListen: process.env.HANDOVER_DB_PPROF, args: databaseArgs });
const dbUrl = new URL(db.uri);

const counter = countCommands ? await startCommandCounter(dbUrl.hostname, Number(dbUrl.port)) : null;
const serviceDbUri = counter ? `mongodb://127.0.0.1:${counter.port}/` : db.uri;
const serviceFlags = [...(process.env.SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...(probe ? ['--import', join(repoRoot(), 'bench', 'service-probe.mjs')] : [])];
const service = await startBenchService(embeddedDatabaseUri(serviceDbUri, 'bench'), slack.url, serviceFlags, probe ? { STALL_PROBE_FILE: probeFile } : {});
const http = benchHttpClient();
try {
  await waitForHttp(`${service.url}/readyz`);
  const population = customerPopulation(http, service.url, { service: service.process.pid!, database: pidWithArgument(dataDir) });
  for (const active of actives) {
    if (closed) {
      await population.grow(active);
      await population.closedLoop(Math.min(2_000, active * 4), closed);
      counter?.reset();
      const load = await population.closedLoop(turnsClosed, closed);
      const cpu = Object.entries(load.cpuPerTurnMs).map(([name, ms]) => `${name} ${ms.toFixed(3)}`).join(', ');
      console.log(`active ${active}, ${closed} clients closed loop: ${load.requests} turns (${(load.firstTurnShare * 100).toFixed(0)} % first), ${load.perSecond.toFixed(1)}/s, errors ${load.errors}, p50 ${load.p50.toFixed(1)} p99 ${load.p99.toFixed(1)} ms; CPU ms/turn: ${cpu}`);
      if (counter) console.log(describeCounts(counter.counts(), load.requests));
      continue;
    }
    if (!search) {
      await population.grow(active);
      await population.offer(rate, seconds / 2);
      counter?.reset();
      const sampler = probe ? databaseSampler(pidWithArgument(dataDir), join(dataDir, 'bench.sqlite')) : null;
      const step = await population.offer(rate, seconds);
      const samples = sampler?.stop() ?? [];
      console.log(describe(step));
      if (counter) console.log(describeCounts(counter.counts(), step.turns));
      if (timeline) console.log(describeTimeline(step, samples, probe ? readServiceProbe() : []));
      continue;
    }
    const result = await measurePopulation(population, active, { baselineRate: rate, firstRate: rate * 1.5, factor: 1.25, maxSteps: 8, seconds });
    for (const step of [result.baseline, ...result.steps]) {
      console.log(describe(step));
      if (timeline) console.log(describeTimeline(step, [], probe ? readServiceProbe() : []));
    }
    console.log(`active ${active}: sustained ${result.sustainedPerSecond}/s with p99 < 100 ms`);
  }
} finally {
  http.close();
  await stopProcess(service.process);
  await counter?.close();
  await db.stop();
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dirname(probeFile), { recursive: true, force: true });
}

function describe(step: ManyConversationsStep): string {
  const cpu = Object.entries(step.cpuPerTurnMs).map(([name, ms]) => `${name} ${ms.toFixed(3)}`).join(', ');
  return `active ${step.active} offered ${step.offeredPerSecond}/s: ${step.turns} turns (${(step.firstTurnShare * 100).toFixed(0)} % first), ${step.turnsPerSecond.toFixed(1)}/s, errors ${step.errors} ${JSON.stringify(step.errorKinds)}, p50 ${step.p50.toFixed(1)} p95 ${step.p95.toFixed(1)} p99 ${step.p99.toFixed(1)} p99.9 ${step.p999.toFixed(1)} ms, ${step.timeline.filter(([, latency]) => latency >= P99_BOUND_MS).length} over ${P99_BOUND_MS} ms; CPU ms/turn: ${cpu}`;
}

function describeCounts(counts: ReturnType<NonNullable<typeof counter>['counts']>, turns: number): string {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b.commands - a.commands)
    .map(([kind, { commands, documents }]) => `  ${kind}: ${(commands / turns).toFixed(3)} commands/turn, ${(documents / turns).toFixed(3)} documents/turn`)
    .join('\n');
}

interface DatabaseSample {
  at: number;
  cpuMs: number;
  /** The database file changed since the last sample: a checkpoint. */
  checkpoint: boolean;
  /** The database's threads waiting on the disk (state D) at the sample, by where in the kernel. */
  waitingOnDisk: string[];
  /** The machine's disks since the last sample: MB written, and ms during which a request was in flight. */
  diskWrittenMb: number;
  diskBusyMs: number;
  /** Pressure stall (/proc/pressure, whole machine) since the last sample, ms: some task waiting for a CPU, some waiting on I/O. */
  cpuStallMs: number;
  ioStallMs: number;
}

/** /proc/pressure/<resource>'s `some` total, µs (0 where the kernel has no PSI). */
function pressureMicros(resource: 'cpu' | 'io'): number {
  try {
    return Number(/some .*total=(\d+)/.exec(readFileSync(`/proc/pressure/${resource}`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Sectors written and ms busy of the machine's whole disks (/proc/diskstats; partitions and virtual devices left out). */
function diskTotals(): { sectorsWritten: number; busyMs: number } {
  let sectorsWritten = 0;
  let busyMs = 0;
  for (const line of readFileSync('/proc/diskstats', 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (!/^(vd|sd|nvme|xvd)[a-z]+(n\d+)?$/.test(fields[2] ?? '')) continue;
    sectorsWritten += Number(fields[9]);
    busyMs += Number(fields[12]);
  }
  return { sectorsWritten, busyMs };
}

/** The database's threads in state D, each by what its kernel stack is waiting in (its first frames past the scheduler's; readable as root). */
function threadsWaitingOnDisk(pid: number): string[] {
  const waiting: string[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      if (stat[stat.lastIndexOf(')') + 2] !== 'D') continue;
      let where = '?';
      try {
        const frames = readFileSync(`/proc/${pid}/task/${task}/stack`, 'utf8').split('\n').map((line) => /\] ([\w.]+)\+/.exec(line)?.[1]).filter((name): name is string => !!name && !/^(__)?schedule|io_schedule|rwsem_down|wait_on_|bit_wait/.test(name));
        where = frames.slice(0, 2).join('<') || '?';
      } catch {
        // not root, or the thread moved on
      }
      waiting.push(where);
    } catch {
      // the thread ended meanwhile
    }
  }
  return waiting;
}

/** Every 50 ms: the database's CPU since the last sample and whether its file was written (a WAL checkpoint). */
function databaseSampler(pid: number, databaseFile: string) {
  const samples: DatabaseSample[] = [];
  const fileState = () => {
    try {
      const { size, mtimeMs } = statSync(databaseFile);
      return `${size}:${mtimeMs}`;
    } catch {
      return '';
    }
  };
  let cpu = processCpuMs(pid);
  let file = fileState();
  let disk = diskTotals();
  let pressure = { cpu: pressureMicros('cpu'), io: pressureMicros('io') };
  const timer = setInterval(() => {
    const nowCpu = processCpuMs(pid);
    const nowFile = fileState();
    const nowDisk = diskTotals();
    const nowPressure = { cpu: pressureMicros('cpu'), io: pressureMicros('io') };
    samples.push({
      cpuStallMs: (nowPressure.cpu - pressure.cpu) / 1000,
      ioStallMs: (nowPressure.io - pressure.io) / 1000,
      at: Date.now(),
      cpuMs: nowCpu - cpu,
      checkpoint: nowFile !== file,
      waitingOnDisk: threadsWaitingOnDisk(pid),
      diskWrittenMb: ((nowDisk.sectorsWritten - disk.sectorsWritten) * 512) / 1e6,
      diskBusyMs: nowDisk.busyMs - disk.busyMs,
    });
    cpu = nowCpu;
    file = nowFile;
    disk = nowDisk;
    pressure = nowPressure;
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

interface ServiceSample {
  at: number;
  delayMaxMs: number;
  gcs: Array<[string, number]>;
}

/** The service probe's records so far (each read consumes them). */
function readServiceProbe(): ServiceSample[] {
  let text = '';
  try {
    text = readFileSync(probeFile, 'utf8');
    writeFileSync(probeFile, '');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ServiceSample);
}

function describeTimeline(step: ManyConversationsStep, database: DatabaseSample[], service: ServiceSample[]): string {
  interface Bucket {
    slowest: number;
    late: number;
    turns: number;
    sendLagMax: number;
    databaseCpuMs: number;
    checkpoints: number;
    waitingOnDisk: Map<string, number>;
    diskWrittenMb: number;
    diskBusyMs: number;
    cpuStallMs: number;
    ioStallMs: number;
    delayMaxMs: number;
    scavengeMs: number;
    markCompacts: string[];
  }
  const buckets = new Map<number, Bucket>();
  const bucketAt = (index: number): Bucket => {
    let bucket = buckets.get(index);
    if (!bucket) buckets.set(index, (bucket = { slowest: 0, late: 0, turns: 0, sendLagMax: 0, databaseCpuMs: 0, checkpoints: 0, waitingOnDisk: new Map(), diskWrittenMb: 0, diskBusyMs: 0, cpuStallMs: 0, ioStallMs: 0, delayMaxMs: 0, scavengeMs: 0, markCompacts: [] }));
    return bucket;
  };
  const index = (wallMs: number) => Math.floor((wallMs - step.startedAtMs) / BUCKET_MS);
  for (const [due, latency, sendLag] of step.timeline) {
    const bucket = bucketAt(Math.floor(due / BUCKET_MS));
    bucket.slowest = Math.max(bucket.slowest, latency);
    bucket.late += latency >= P99_BOUND_MS ? 1 : 0;
    bucket.turns += 1;
    bucket.sendLagMax = Math.max(bucket.sendLagMax, sendLag);
  }
  const last = Math.max(...buckets.keys());
  for (const sample of database) {
    const at = index(sample.at);
    if (at < 0 || at > last) continue;
    const bucket = bucketAt(at);
    bucket.databaseCpuMs += sample.cpuMs;
    if (sample.checkpoint) bucket.checkpoints += 1;
    for (const where of sample.waitingOnDisk) bucket.waitingOnDisk.set(where, (bucket.waitingOnDisk.get(where) ?? 0) + 1);
    bucket.diskWrittenMb += sample.diskWrittenMb;
    bucket.diskBusyMs += sample.diskBusyMs;
    bucket.cpuStallMs += sample.cpuStallMs;
    bucket.ioStallMs += sample.ioStallMs;
  }
  for (const sample of service) {
    const at = index(sample.at);
    if (at < 0 || at > last) continue;
    const bucket = bucketAt(at);
    bucket.delayMaxMs = Math.max(bucket.delayMaxMs, sample.delayMaxMs);
    for (const [kind, ms] of sample.gcs) {
      if (kind === 'scavenge') bucket.scavengeMs += ms;
      else bucket.markCompacts.push(`${kind} ${ms.toFixed(1)}`);
    }
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([at, b]) => {
      const probed = probe
        ? `; bench late ≤ ${b.sendLagMax.toFixed(0)} ms; service loop delay ≤ ${b.delayMaxMs.toFixed(0)} ms, scavenges ${b.scavengeMs.toFixed(1)} ms${b.markCompacts.length ? `, ${b.markCompacts.join(', ')} ms` : ''}; database CPU ${b.databaseCpuMs.toFixed(0)} ms, threads on disk ${b.waitingOnDisk.size ? [...b.waitingOnDisk].map(([where, n]) => `${where} ×${n}`).join(' ') : '0'}${b.checkpoints ? `, CHECKPOINT ×${b.checkpoints}` : ''}; disk wrote ${b.diskWrittenMb.toFixed(1)} MB, busy ${b.diskBusyMs} ms; stalled on CPU ${b.cpuStallMs.toFixed(0)}, on I/O ${b.ioStallMs.toFixed(0)} ms`
        : '';
      return `  ${((at * BUCKET_MS) / 1000).toFixed(2)} s: ${b.turns} turns, slowest ${b.slowest.toFixed(0)} ms, ${b.late} over ${P99_BOUND_MS} ms${probed}`;
    })
    .join('\n');
}
