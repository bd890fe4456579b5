// `npx tsx bench/run-ab.ts --dirs=/tmp/old,/tmp/new [--phase=turns|claims|many] [--rounds=3] [--turns=4000] [--clients=32] [--prof=/tmp/prof] [--database-env=<build>:<VAR>=<value>] [--database-args=<build>:<flag>]`:
// two (or more) builds of the service compared in the same minutes, each
// started afresh on its own embedded database in every round, the order
// turned round from one round to the next (old new, new old, ...), so the
// machine's drift falls on every side alike. Each dir is a checkout with
// `dist/` built (`npx tsc -p tsconfig.build.json --noCheck`); the database
// and the load are this checkout's for all of them.
//
// turns: the 32-client shape of `npm run bench` (each client one long
// conversation), a warm-up of a quarter, then `--turns` turns; CPU per turn
// of the service (all threads, and its main thread alone) and of the
// database from /proc, and the service's garbage collections (--trace-gc).
// claims: the first burst of 50 Claim clicks after a start and a second
// one, ack latency and the service's and database's CPU per burst.
// many: the many-conversations shape (bench/many-conversations.ts): per
// size in --active (default 100,10000) the population is grown, warmed for
// a step, then offered --rate turns/s for --seconds (open loop); CPU
// per turn of the service and database, p99, and the service's RSS at the
// end; with --rates=300,400,… each size also runs those rates in turn
// (p99 and turns/s per rate: the throughput the p99 bound allows). The
// profile's window (--prof) is the last size's step at --rate.
// With --prof, every service run writes a --cpu-prof profile there, named
// <dir's last part>-<phase>-<round>.cpuprofile, with the measured turns'
// window beside it (.window; `bench/profile-diff.ts` compares builds by it).
// With --heap=<dir>, the measured turns' allocations (V8's sampling heap
// profiler, collected objects included) go there as <build>-<round>.heapprofile
// (`bench/heap-diff.ts` compares builds by them).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { signedHeaders, startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { freePort, rssMegabytes, SERVICE_NODE_FLAGS, stopProcess, waitForHttp } from '../tools/node-processes.js';
import { benchServiceEnv } from './bench-service.js';
import { benchHttpClient, type BenchHttpClient } from './http-client.js';
import { runLoad } from './load.js';
import { QUESTIONS, customerPopulation } from './many-conversations.js';
import { cpuMeter, mainThreadCpuMs, pidWithArgument } from './process-cpu.js';
import { simultaneousClaims } from './slack-phases.js';
import { heapSampling } from './heap-sampling.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const dirs = option('dirs', '').split(',').filter(Boolean);
const phase = option('phase', 'turns');
const rounds = Number(option('rounds', '3'));
const turns = Number(option('turns', '4000'));
const clients = Number(option('clients', '32'));
const clicks = Number(option('clicks', '50'));
const profDir = option('prof', '');
const heapDir = option('heap', '');
/** --prewarm-slack=N --prewarm-builds=<name>,…: N signed url_verification challenges sent to those builds' fresh services before the first claim burst (does warming the receiver's path help?). */
const prewarmSlack = Number(option('prewarm-slack', '0'));
const prewarmBuilds = option('prewarm-builds', '').split(',');
/** --open-connections=N --open-connections-builds=<name>,…: N kept-alive connections opened (GET /healthz, all at once) before the first claim burst, so it does not open its own (is the first burst slow for the bench's new connections?). */
const openConnections = Number(option('open-connections', '0'));
const openConnectionsBuilds = option('open-connections-builds', '').split(',');
/** --database-env=<build>:<VAR>=<value>,…: environment for that build's database process (a Go runtime setting tried on the same code: two dirs may be links to one checkout). */
const databaseEnv = (process.argv.find((arg) => arg.startsWith('--database-env='))?.slice('--database-env='.length) ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [, build, name, value] = /^([^:]+):([^=]+)=(.*)$/.exec(entry) ?? [];
    if (!build || !name || value === undefined) throw new Error(`--database-env: ${entry} is not <build>:<VAR>=<value>`);
    return { build, name, value };
  });
/** --database-args=<build>:<flag>,…: further flags for that build's database (tools/ferretdb/main.go), e.g. many-old:-checkpoint-every=0s: a database setting tried on the same code. */
const databaseArgs = (process.argv.find((arg) => arg.startsWith('--database-args='))?.slice('--database-args='.length) ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [, build, flag] = /^([^:]+):(-.+)$/.exec(entry) ?? [];
    if (!build || !flag) throw new Error(`--database-args: ${entry} is not <build>:<flag>`);
    return { build, flag };
  });
/** --phase=many: the population sizes, the rate every size is measured at, a step's length, and further rates to try. */
const actives = option('active', '100,10000').split(',').map(Number);
const manyRate = Number(option('rate', '100'));
const manySeconds = Number(option('seconds', '10'));
const manyRates = option('rates', '').split(',').filter(Boolean).map(Number);
if (dirs.length < 1 || !['turns', 'claims', 'many'].includes(phase)) throw new Error('usage: --dirs=<checkout>,<checkout> [--phase=turns|claims|many]');

let manyWindowTurns = 0;

const slack = await startSlackStandIn();
const http = benchHttpClient();
const rows: Array<Record<string, string | number>> = [];
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? dirs : [...dirs].reverse();
    for (const dir of order) {
      const row = { round: round + 1, build: basename(dir), at: new Date().toISOString().slice(11, 19), ...(await measure(dir, round)) };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  summarise();
} finally {
  http.close();
  await slack.close();
}

async function measure(dir: string, round: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handover-ab-'));
  const db = await startEmbeddedDatabase({
    dataDir,
    env: Object.fromEntries(databaseEnv.filter((entry) => entry.build === basename(dir)).map((entry) => [entry.name, entry.value])),
    args: databaseArgs.filter((entry) => entry.build === basename(dir)).map((entry) => entry.flag),
  });
  const profTemp = profDir ? mkdtempSync(join(tmpdir(), 'handover-ab-prof-')) : '';
  // the measured turns' window on the monotonic clock a --cpu-prof profile's timestamps are on
  const window = { from: 0n, to: 0n };
  const inspectPort = heapDir ? await freePort() : 0;
  const flags = [...(profTemp ? ['--cpu-prof', `--cpu-prof-dir=${profTemp}`] : []), ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : [])];
  const { child, url, gcs } = await startService(dir, embeddedDatabaseUri(db.uri, 'bench'), flags);
  try {
    await waitForHttp(`${url}/readyz`);
    const processes = { service: child.pid!, database: pidWithArgument(dataDir) };
    if (phase === 'turns') {
      const load = customerTurnLoad(http, url);
      await load(Math.round(turns / 4));
      const sampling = inspectPort ? await heapSampling(inspectPort) : null;
      await sampling?.start();
      const gcBefore = { ...gcs };
      const mainBefore = mainThreadCpuMs(child.pid!);
      const meter = cpuMeter(processes);
      window.from = process.hrtime.bigint() / 1000n;
      const result = await load(turns);
      window.to = process.hrtime.bigint() / 1000n;
      const cpu = meter.stop();
      const main = mainThreadCpuMs(child.pid!) - mainBefore;
      if (sampling) {
        mkdirSync(heapDir, { recursive: true });
        writeFileSync(join(heapDir, `${basename(dir)}-${round + 1}.heapprofile`), JSON.stringify(await sampling.stop()));
        writeFileSync(join(heapDir, `${basename(dir)}-${round + 1}.turns`), `${turns}\n`);
      }
      return {
        turns_per_s: round1(result.perSecond),
        errors: result.errors,
        service_ms: round3(cpu.service! / result.requests),
        service_main_ms: round3(main / result.requests),
        database_ms: round3(cpu.database! / result.requests),
        bench_ms: round3(cpu.bench! / result.requests),
        scavenges_per_1000: round1(((gcs.scavenge - gcBefore.scavenge) * 1000) / result.requests),
        mark_compacts: gcs.markCompact - gcBefore.markCompact,
      };
    }
    if (phase === 'many') {
      const figures: Record<string, number> = {};
      const population = customerPopulation(http, url, processes);
      const gcBefore = { ...gcs };
      for (const [i, active] of actives.entries()) {
        await population.grow(active);
        await population.offer(manyRate, manySeconds);
        const mainBefore = mainThreadCpuMs(child.pid!);
        const readsBefore = readSyscalls(processes.database);
        const last = i === actives.length - 1;
        if (last) window.from = process.hrtime.bigint() / 1000n;
        const step = await population.offer(manyRate, manySeconds);
        if (last) window.to = process.hrtime.bigint() / 1000n;
        if (last) manyWindowTurns = step.turns;
        if (step.errors > 0) console.error(`${basename(dir)} round ${round + 1}, ${active} active: errors ${JSON.stringify(step.errorKinds)}`);
        Object.assign(figures, {
          [`a${active}_service_ms`]: round3(step.cpuPerTurnMs.service!),
          [`a${active}_service_main_ms`]: round3((mainThreadCpuMs(child.pid!) - mainBefore) / Math.max(1, step.turns)),
          [`a${active}_database_ms`]: round3(step.cpuPerTurnMs.database!),
          [`a${active}_database_reads`]: round1((readSyscalls(processes.database) - readsBefore) / Math.max(1, step.turns)),
          [`a${active}_bench_ms`]: round3(step.cpuPerTurnMs.bench!),
          [`a${active}_p99_ms`]: round1(step.p99),
          [`a${active}_errors`]: step.errors,
        });
        // what the service and database spend with no turns at all (jobs' polls, timers): a fixed cost the low rate's turns carry
        const idle = cpuMeter(processes);
        await new Promise((resolve) => setTimeout(resolve, (manySeconds / 2) * 1000));
        const idleCpu = idle.stop();
        Object.assign(figures, {
          [`a${active}_idle_service_ms_per_s`]: round1(idleCpu.service! / (manySeconds / 2)),
          [`a${active}_idle_database_ms_per_s`]: round1(idleCpu.database! / (manySeconds / 2)),
        });
        for (const rate of manyRates) {
          const tried = await population.offer(rate, manySeconds);
          Object.assign(figures, {
            [`a${active}_r${rate}_per_s`]: round1(tried.turnsPerSecond),
            [`a${active}_r${rate}_p95_ms`]: round1(tried.p95),
            [`a${active}_r${rate}_p99_ms`]: round1(tried.p99),
            [`a${active}_r${rate}_p999_ms`]: round1(tried.p999),
            [`a${active}_r${rate}_cpu_ms`]: round3(tried.cpuPerTurnMs.service! + tried.cpuPerTurnMs.database!),
            [`a${active}_r${rate}_database_ms`]: round3(tried.cpuPerTurnMs.database!),
            [`a${active}_r${rate}_bench_ms`]: round3(tried.cpuPerTurnMs.bench!),
          });
        }
      }
      if (actives.length > 1) figures.cpu_last_over_first = round3((figures[`a${actives.at(-1)}_service_ms`]! + figures[`a${actives.at(-1)}_database_ms`]!) / (figures[`a${actives[0]}_service_ms`]! + figures[`a${actives[0]}_database_ms`]!));
      figures.mark_compacts = gcs.markCompact - gcBefore.markCompact;
      figures.rss_mb = rssMegabytes(child.pid!);
      figures.database_connections = openDatabaseFiles(processes.database, join(dataDir, 'bench.sqlite'));
      figures.database_rss_mb = rssMegabytes(processes.database);
      return figures;
    }
    const figures: Record<string, number> = {};
    for (let i = 0; prewarmBuilds.includes(basename(dir)) && i < prewarmSlack; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, () => {
          const body = JSON.stringify({ token: 'bench', challenge: randomUUID(), type: 'url_verification' });
          return http.post(`${url}/slack/events`, body, signedHeaders(body, 'application/json'));
        }),
      );
    }
    if (openConnections > 0 && openConnectionsBuilds.includes(basename(dir))) {
      const opening = performance.now();
      await Promise.all(Array.from({ length: openConnections }, () => http.get(`${url}/healthz`)));
      figures.open_connections_ms = round1(performance.now() - opening);
    }
    for (const burst of [1, 2]) {
      const conversationId = await escalatedConversation(http, url, slack);
      const meter = cpuMeter(processes);
      if (burst === 1) window.from = process.hrtime.bigint() / 1000n;
      const claims = await simultaneousClaims(http, url, slack, clicks, conversationId, `AB${round}${basename(dir)}${burst}`);
      const cpu = meter.stop();
      if (burst === 1) window.to = process.hrtime.bigint() / 1000n;
      Object.assign(figures, {
        [`burst${burst}_p50_ms`]: round1(claims.p50),
        [`burst${burst}_p99_ms`]: round1(claims.p99),
        [`burst${burst}_winners`]: claims.winners,
        [`burst${burst}_service_cpu_ms`]: Math.round(cpu.service!),
        [`burst${burst}_database_cpu_ms`]: Math.round(cpu.database!),
      });
    }
    return figures;
  } finally {
    await stopProcess(child);
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (profTemp) {
      mkdirSync(profDir, { recursive: true });
      const name = `${basename(dir)}-${phase}-${round + 1}`;
      for (const file of readdirSync(profTemp)) renameSync(join(profTemp, file), join(profDir, `${name}.cpuprofile`));
      if (window.to) writeFileSync(join(profDir, `${name}.window`), `${window.from}-${window.to} ${phase === 'turns' ? turns : phase === 'many' ? manyWindowTurns : clicks}\n`);
      rmSync(profTemp, { recursive: true, force: true });
    }
  }
}

/** The service of checkout `dir`, built, as `npm start` runs it, with --trace-gc counted from its stdout. */
async function startService(dir: string, mongodbUri: string, extraFlags: string[]) {
  const port = await freePort();
  const env = { ...process.env, ...benchServiceEnv(mongodbUri, port, slack.url) };
  const child: ChildProcess = spawn(process.execPath, [...extraFlags, '--trace-gc', ...SERVICE_NODE_FLAGS, 'dist/adapters/server/main.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const gcs = { scavenge: 0, markCompact: 0 };
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('Scavenge')) gcs.scavenge += 1;
      else if (line.includes('Mark-Compact')) gcs.markCompact += 1;
    }
  });
  return { child, url: `http://127.0.0.1:${port}`, gcs };
}

/** As in run-bench.ts: each client keeps one conversation, moving on to the next question each turn. */
function customerTurnLoad(client: BenchHttpClient, serviceUrl: string) {
  const conversations: Array<{ id: string; token: string } | null> = Array.from({ length: clients }, () => null);
  const asked = Array.from({ length: clients }, () => 0);
  const turn = async (worker: number) => {
    const conversation = conversations[worker];
    const turnNumber = asked[worker]!;
    asked[worker] = turnNumber + 1;
    const response = await client.postJson(
      `${serviceUrl}/api/v1/bots/demo/messages`,
      { text: QUESTIONS[turnNumber % QUESTIONS.length], conversationId: conversation?.id, messageId: conversation ? `ab-${worker}-${turnNumber}` : randomUUID() },
      conversation ? { authorization: `Bearer ${conversation.token}` } : {},
    );
    const body = JSON.parse(response.body) as { conversationId: string; token?: string; replies: unknown[] };
    if (!conversation && body.token) conversations[worker] = { id: body.conversationId, token: body.token };
    return response.ok && body.replies.length === 1;
  };
  return (total: number) => runLoad(total, clients, turn);
}

async function escalatedConversation(client: BenchHttpClient, serviceUrl: string, stand: typeof slack): Promise<string> {
  const response = await client.postJson(`${serviceUrl}/api/v1/bots/demo/messages`, { text: 'Can I speak with someone?' });
  const { conversationId } = JSON.parse(response.body) as { conversationId: string };
  // the escalation's post has reached Slack before anyone can click under it
  const deadline = Date.now() + 10_000;
  while (!stand.calls.some((call) => call.method === 'chat.postMessage' && JSON.stringify(call.args.blocks ?? '').includes(conversationId)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return conversationId;
}

/** Per build and figure: min–max over the rounds. */
function summarise(): void {
  const names = Object.keys(rows[0] ?? {}).filter((name) => !['round', 'build', 'at'].includes(name));
  console.log(`| figure | ${dirs.map((dir) => basename(dir)).join(' | ')} |`);
  console.log(`| --- | ${dirs.map(() => '---').join(' | ')} |`);
  for (const name of names) {
    const cells = dirs.map((dir) => {
      const values = rows.filter((row) => row.build === basename(dir)).map((row) => Number(row[name]));
      return `${Math.min(...values)}–${Math.max(...values)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

/** How many times a process has `file` open: for SQLite, one per connection to that database. */
function openDatabaseFiles(pid: number, file: string): number {
  let open = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) open += 1;
    } catch {
      // closed meanwhile
    }
  }
  return open;
}

/** Read system calls a process has made (/proc/<pid>/io's syscr: its sockets' reads and SQLite's page reads by pread alike). */
function readSyscalls(pid: number): number {
  return Number(/^syscr: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
