// `npx tsx bench/run-many-conversations.ts [--active=100,1000,10000] [--rate=200] [--seconds=10] [--search] [--count-commands] [--closed=32 --turns=3000]`
// (after `npm run build`): the many-conversations phase of the bench alone,
// for investigating the cost of a turn. With --count-commands the service
// talks to the database through a proxy that counts the commands of each
// step; SERVICE_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
// are given to the service's node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { startCommandCounter } from './command-counter.js';
import { benchHttpClient } from './http-client.js';
import { customerPopulation, measurePopulation, P99_BOUND_MS, type ManyConversationsStep } from './many-conversations.js';
import { pidWithArgument } from './process-cpu.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
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

const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-'));
const db = await startEmbeddedDatabase({ dataDir, pprofListen: process.env.HANDOVER_DB_PPROF });
const dbUrl = new URL(db.uri);
const counter = countCommands ? await startCommandCounter(dbUrl.hostname, Number(dbUrl.port)) : null;
const serviceDbUri = counter ? `mongodb://127.0.0.1:${counter.port}/` : db.uri;
const service = await startBenchService(embeddedDatabaseUri(serviceDbUri, 'bench'), slack.url, process.env.SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []);
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
      const step = await population.offer(rate, seconds);
      console.log(describe(step));
      if (counter) console.log(describeCounts(counter.counts(), step.turns));
      if (timeline) console.log(describeTimeline(step));
      continue;
    }
    const result = await measurePopulation(population, active, { baselineRate: rate, firstRate: rate * 1.5, factor: 1.25, maxSteps: 8, seconds });
    for (const step of [result.baseline, ...result.steps]) console.log(describe(step));
    console.log(`active ${active}: sustained ${result.sustainedPerSecond}/s with p99 < 100 ms`);
  }
} finally {
  http.close();
  await stopProcess(service.process);
  await counter?.close();
  await db.stop();
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function describe(step: ManyConversationsStep): string {
  const cpu = Object.entries(step.cpuPerTurnMs).map(([name, ms]) => `${name} ${ms.toFixed(3)}`).join(', ');
  return `active ${step.active} offered ${step.offeredPerSecond}/s: ${step.turns} turns (${(step.firstTurnShare * 100).toFixed(0)} % first), ${step.turnsPerSecond.toFixed(1)}/s, errors ${step.errors} ${JSON.stringify(step.errorKinds)}, p50 ${step.p50.toFixed(1)} p99 ${step.p99.toFixed(1)} ms; CPU ms/turn: ${cpu}`;
}

function describeCounts(counts: ReturnType<NonNullable<typeof counter>['counts']>, turns: number): string {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b.commands - a.commands)
    .map(([kind, { commands, documents }]) => `  ${kind}: ${(commands / turns).toFixed(3)} commands/turn, ${(documents / turns).toFixed(3)} documents/turn`)
    .join('\n');
}

function describeTimeline(step: ManyConversationsStep): string {
  const buckets = new Map<number, { slowest: number; late: number; turns: number }>();
  for (const [due, latency] of step.timeline) {
    const bucket = buckets.get(Math.floor(due / 250)) ?? { slowest: 0, late: 0, turns: 0 };
    buckets.set(Math.floor(due / 250), { slowest: Math.max(bucket.slowest, latency), late: bucket.late + (latency >= P99_BOUND_MS ? 1 : 0), turns: bucket.turns + 1 });
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([at, { slowest, late, turns }]) => `  ${(at / 4).toFixed(2)} s: ${turns} turns, slowest ${slowest.toFixed(0)} ms, ${late} over ${P99_BOUND_MS} ms`)
    .join('\n');
}
