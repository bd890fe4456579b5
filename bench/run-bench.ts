// `npm run bench [-- --quick]`: throughput, latency and the cost of scale on
// this machine, against the embedded FerretDB. The last line is one JSON object.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { benchHttpClient } from './http-client.js';
import { combinedLoad, runLoad, type LoadResult } from './load.js';
import { addPendingTasks, outboxDrained, taskFireLateness } from './task-phases.js';
import { escalationLatency, simultaneousClaims } from './slack-phases.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { freePort, rssMegabytes, startNodeProcess, stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { QUESTIONS, customerPopulation, measurePopulation, P99_BOUND_MS, type ManyConversationsResult } from './many-conversations.js';
import { cpuMeter, pidWithArgument } from './process-cpu.js';

const quick = process.argv.includes('--quick');
const CONCURRENCY = 32;
const TURNS = quick ? 800 : 4000;
/** One customer alone: a turn's own latency, without the queue 32 clients make. */
const TURNS_ONE_CLIENT = quick ? 200 : 1000;
const RATIO_SLICES = 4;
const ESCALATIONS = quick ? 40 : 200;
/** Escalations in flight at once: a burst (the target's measurement); also measured one at a time. */
const ESCALATION_CONCURRENCY = 4;
const ESCALATIONS_ALONE = quick ? 20 : 50;
const CLAIM_CLICKS = 50;
const TASKS_DUE_TOGETHER = quick ? 200 : 1_000;
const PENDING_TASKS = quick ? 10_000 : 100_000;
/** Conversations active at once in the many-conversations phase; the first is the baseline a turn's cost is compared with. */
const ACTIVE_CONVERSATIONS = [100, 1_000, 10_000];
const MANY_CONVERSATIONS = quick
  ? { baselineRate: 100, firstRate: 150, factor: 1.4, maxSteps: 7, seconds: 3 }
  : { baselineRate: 100, firstRate: 150, factor: 1.25, maxSteps: 12, seconds: 6 };

const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-'));
// HANDOVER_DB_PPROF=127.0.0.1:6061: profile the database during a run (go tool pprof http://127.0.0.1:6061/debug/pprof/profile)
const db = await startEmbeddedDatabase({ dataDir, pprofListen: process.env.HANDOVER_DB_PPROF });
const ceilingPorts = [await freePort(), await freePort()];
// built, as `npm start` runs it (`npm run bench` builds first), connected as `npm start` connects to its embedded database
const { process: service, url: serviceUrl } = await startBenchService(embeddedDatabaseUri(db.uri, 'bench'), slack.url);
// The ceiling twice: with the driver's default pool, and with the pool the
// service uses; the faster one counts, so the ratio never flatters the service.
const ceilings = [`${db.uri}bench`, embeddedDatabaseUri(db.uri, 'bench')].map((uri, i) =>
  startNodeProcess('bench/ceiling-server.ts', { MONGODB_URI: uri, PORT: String(ceilingPorts[i]) }),
);
const http = benchHttpClient();
const ceilingUrls = ceilingPorts.map((port) => `http://127.0.0.1:${port}`);

try {
  await waitForHttp(`${serviceUrl}/readyz`);
  for (const url of ceilingUrls) await waitForHttp(`${url}/`);

  const databasePid = pidWithArgument(dataDir);
  const { turns, ceilingDefaultPool, ceilingServicePool, cpu } = await turnsBesideCeiling(TURNS, databasePid);
  const rssAfterTurns = rssMegabytes(service.pid!);
  const turnsOneClient = await customerTurns(TURNS_ONE_CLIENT, 'alone', 1);
  const ceilingIndex = ceilingDefaultPool.perSecond >= ceilingServicePool.perSecond ? 0 : 1;
  const ceilingResult = [ceilingDefaultPool, ceilingServicePool][ceilingIndex]!;
  const ceilingCpu = cpu[ceilingIndex + 1]!;
  const population = customerPopulation(http, serviceUrl, { service: service.pid!, database: databasePid });
  const manyConversations: ManyConversationsResult[] = [];
  // up to the ceiling's rate: a turn rate above it is not asked of the service, and it bounds the phase's length
  for (const active of ACTIVE_CONVERSATIONS) manyConversations.push(await measurePopulation(population, active, { ...MANY_CONVERSATIONS, maxRate: ceilingResult.perSecond }));
  const rssAfterManyConversations = rssMegabytes(service.pid!);
  const escalations = await escalationLatency(http, serviceUrl, slack, ESCALATIONS, ESCALATION_CONCURRENCY);
  const escalationsAlone = await escalationLatency(http, serviceUrl, slack, ESCALATIONS_ALONE, 1);
  // the first round meets cold code paths and collections; the second is the steady state, as the turn phases measure it
  const coldClaims = await simultaneousClaims(http, serviceUrl, slack, CLAIM_CLICKS, await escalatedConversation(), 'A');
  const claims = await simultaneousClaims(http, serviceUrl, slack, CLAIM_CLICKS, await escalatedConversation(), 'B');
  const tasks = await taskFireLateness(`${db.uri}bench`, TASKS_DUE_TOGETHER);
  // the same load just before the tasks go in, so the slowdown is the tasks' and not the earlier phases'
  // (once the reminders' notifications have gone out: they would slow this phase, not the next)
  const drainStarted = performance.now();
  await outboxDrained(`${db.uri}bench`);
  const reminderDrainSeconds = (performance.now() - drainStarted) / 1000;
  const turnsBeforeTasks = await customerTurns(TURNS, 'before-tasks');
  await addPendingTasks(`${db.uri}bench`, PENDING_TASKS);
  const turnsWithPending = await customerTurns(TURNS, 'pending');
  const rss = rssMegabytes(service.pid!);

  const [fewest, , most] = manyConversations;
  const turnCpu = (result: ManyConversationsResult) => result.baseline.cpuPerTurnMs.service! + result.baseline.cpuPerTurnMs.database!;
  const manyConversationFigures = Object.fromEntries(
    manyConversations.flatMap((result) => [
      [`turns_per_s_p99_under_${P99_BOUND_MS}ms_${result.active}_active`, result.sustainedPerSecond],
      [`turn_ceiling_ratio_${result.active}_active`, round(result.sustainedPerSecond / ceilingResult.perSecond, 3)],
      [`turn_p99_ms_${result.active}_active`, round(result.baseline.p99)],
      [`service_cpu_ms_per_turn_${result.active}_active`, round(result.baseline.cpuPerTurnMs.service!, 3)],
      [`database_cpu_ms_per_turn_${result.active}_active`, round(result.baseline.cpuPerTurnMs.database!, 3)],
    ]),
  );
  const results = {
    turns_per_s: round(turns.perSecond),
    turn_p50_ms: round(turns.p50),
    turn_p99_ms: round(turns.p99),
    turn_errors: turns.errors,
    turn_p50_ms_one_client: round(turnsOneClient.p50),
    turn_p99_ms_one_client: round(turnsOneClient.p99),
    ceiling_turns_per_s: round(ceilingResult.perSecond),
    ceiling_p50_ms: round(ceilingResult.p50),
    ceiling_p99_ms: round(ceilingResult.p99),
    turn_ceiling_ratio: round(turns.perSecond / ceilingResult.perSecond, 3),
    turn_p99_over_ceiling_p99: round(turns.p99 / ceilingResult.p99, 2),
    service_cpu_ms_per_turn_32_clients: round(cpu[0]!.service! / turns.requests, 3),
    database_cpu_ms_per_turn_32_clients: round(cpu[0]!.database! / turns.requests, 3),
    ceiling_cpu_ms_per_insert: round(ceilingCpu.ceiling! / ceilingResult.requests, 3),
    database_cpu_ms_per_ceiling_insert: round(ceilingCpu.database! / ceilingResult.requests, 3),
    ...manyConversationFigures,
    // the baseline rate's CPU per turn (service + database) at the most conversations over that at the fewest
    cpu_per_turn_10000_over_100_active: round(turnCpu(most!) / turnCpu(fewest!), 3),
    many_conversations_baseline_per_s: MANY_CONVERSATIONS.baselineRate,
    rss_mb_after_many_conversations: rssAfterManyConversations,
    escalation_p50_ms: round(escalations.p50),
    escalation_p99_ms: round(escalations.p99),
    escalations_delivered: escalations.delivered,
    escalation_p99_ms_one_at_a_time: round(escalationsAlone.p99),
    claim_ack_p50_ms: round(claims.p50),
    claim_ack_p99_ms: round(claims.p99),
    claim_clicks_acknowledged: claims.acknowledged,
    claim_winners: claims.winners,
    claim_ack_p99_ms_first_round: round(coldClaims.p99),
    claim_winners_first_round: coldClaims.winners,
    claim_losers_told_p99_ms: round(claims.toldP99),
    claim_losers_told_p99_ms_first_round: round(coldClaims.toldP99),
    task_fire_lateness_p50_s: round(tasks.p50, 2),
    task_fire_lateness_p99_s: round(tasks.p99, 2),
    tasks_fired: tasks.fired,
    // from the last reminder decided to the last reminder posted (the outbox empty; 120 = not within the wait)
    reminders_outbox_drained_s: round(reminderDrainSeconds, 1),
    tasks_due_together: TASKS_DUE_TOGETHER,
    pending_tasks: PENDING_TASKS,
    turn_p99_ms_with_100k_tasks: round(turnsWithPending.p99),
    turns_per_s_with_100k_tasks: round(turnsWithPending.perSecond),
    turn_p99_ms_before_tasks: round(turnsBeforeTasks.p99),
    turns_per_s_before_tasks: round(turnsBeforeTasks.perSecond),
    pending_tasks_slowdown: round(1 - turnsWithPending.perSecond / turnsBeforeTasks.perSecond, 3),
    rss_mb: rss,
    rss_mb_after_first_turns: rssAfterTurns,
    concurrency: CONCURRENCY,
    quick,
    cpus: cpus().length,
  };
  printTable([
    ['customer turns (HTTP API, bot answers)', turns],
    ['customer turns, one client', turnsOneClient],
    ["ceiling: one insertOne per request (driver's default pool)", ceilingDefaultPool],
    ['ceiling: one insertOne per request (pool as the service)', ceilingServicePool],
    ['customer turns again, before the pending tasks', turnsBeforeTasks],
    [`customer turns with ${PENDING_TASKS} pending tasks`, turnsWithPending],
  ]);
  printManyConversations(manyConversations);
  console.log(`escalations, ${ESCALATION_CONCURRENCY} at a time: ${escalations.delivered}/${ESCALATIONS} posted to Slack, p50 ${round(escalations.p50)} ms, p99 ${round(escalations.p99)} ms`);
  console.log(`escalations, one at a time: ${escalationsAlone.delivered}/${ESCALATIONS_ALONE} posted, p50 ${round(escalationsAlone.p50)} ms, p99 ${round(escalationsAlone.p99)} ms`);
  console.log(`claims, first round: ${coldClaims.acknowledged}/${CLAIM_CLICKS} clicks acknowledged, p50 ${round(coldClaims.p50)} ms, p99 ${round(coldClaims.p99)} ms, winners ${coldClaims.winners}; losers told "already claimed" p50 ${round(coldClaims.toldP50)} ms, p99 ${round(coldClaims.toldP99)} ms`);
  console.log(`claims: ${claims.acknowledged}/${CLAIM_CLICKS} clicks acknowledged, p50 ${round(claims.p50)} ms, p99 ${round(claims.p99)} ms, winners ${claims.winners}; losers told p50 ${round(claims.toldP50)} ms, p99 ${round(claims.toldP99)} ms`);
  console.log(`task reminders: ${tasks.fired}/${TASKS_DUE_TOGETHER} fired, lateness p50 ${round(tasks.p50, 2)} s, p99 ${round(tasks.p99, 2)} s; all posted ${round(reminderDrainSeconds, 1)} s after`);
  console.log(JSON.stringify(results));
} finally {
  http.close();
  await stopProcess(service);
  for (const ceiling of ceilings) await stopProcess(ceiling);
  await db.stop();
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function escalatedConversation(): Promise<string> {
  const response = await http.postJson(`${serviceUrl}/api/v1/bots/demo/messages`, { text: 'Can I speak with someone?' });
  return (JSON.parse(response.body) as { conversationId: string }).conversationId;
}

/**
 * Turns and the ceiling in alternating slices: this machine's speed drifts
 * by 10-15 % over a minute, and measured one after the other the two sides
 * of the ratio met different machines. Sliced, the drift falls on both alike.
 * Each is warmed by a slice's worth first: after 400 requests the ceiling
 * server still ran its next thousand at 700 a second and its last at 1,400.
 */
async function turnsBesideCeiling(total: number, databasePid: number) {
  const loads = [customerTurnLoad('plain'), ...ceilingUrls.map(ceilingInsertLoad)];
  // whose CPU each load is charged with: the server it talks to (the service, or a ceiling server) and the database
  const processes = [{ service: service.pid! }, ...ceilings.map((ceiling) => ({ ceiling: ceiling.pid! }))].map((server) => ({ ...server, database: databasePid }));
  const slices: LoadResult[][] = loads.map(() => []);
  const cpu: Array<Record<string, number>> = loads.map(() => ({}));
  for (const load of loads) await load(total / RATIO_SLICES);
  for (let slice = 0; slice < RATIO_SLICES; slice++) {
    for (const [index, load] of loads.entries()) {
      const meter = cpuMeter(processes[index]!);
      slices[index]!.push(await load(total / RATIO_SLICES));
      for (const [name, ms] of Object.entries(meter.stop())) cpu[index]![name] = (cpu[index]![name] ?? 0) + ms;
    }
  }
  const [turns, ceilingDefaultPool, ceilingServicePool] = slices.map(combinedLoad);
  return { turns: turns!, ceilingDefaultPool: ceilingDefaultPool!, ceilingServicePool: ceilingServicePool!, cpu };
}

/** Customer turns, each client keeping one conversation going (as a customer would) from one call to the next. */
function customerTurnLoad(label: string, concurrency = CONCURRENCY): (total: number) => Promise<LoadResult> {
  const conversations: Array<{ id: string; token: string } | null> = Array.from({ length: concurrency }, () => null);
  const asked = Array.from({ length: concurrency }, () => 0);
  const turn = async (worker: number) => {
    const conversation = conversations[worker];
    // each customer moves on to another question: asking the same one twice in a row is a failed turn
    const turnNumber = asked[worker]!;
    asked[worker] = turnNumber + 1;
    const question = QUESTIONS[turnNumber % QUESTIONS.length];
    const response = await http.postJson(
      `${serviceUrl}/api/v1/bots/demo/messages`,
      { text: question, conversationId: conversation?.id, messageId: conversation ? `${label}-${worker}-${turnNumber}` : randomUUID() },
      conversation ? { authorization: `Bearer ${conversation.token}` } : {},
    );
    const body = JSON.parse(response.body) as { conversationId: string; token?: string; replies: unknown[] };
    if (!conversation && body.token) conversations[worker] = { id: body.conversationId, token: body.token };
    return response.ok && body.replies.length === 1;
  };
  return (total) => runLoad(total, concurrency, turn);
}

/** A warm-up, then `total` turns. */
async function customerTurns(total: number, label: string, concurrency = CONCURRENCY): Promise<LoadResult> {
  const turns = customerTurnLoad(label, concurrency);
  await turns(Math.min(400, total / 4));
  return turns(total);
}

function ceilingInsertLoad(ceilingUrl: string): (total: number) => Promise<LoadResult> {
  const insert = async (_worker: number, index: number) => {
    const response = await http.postJson(ceilingUrl, { text: QUESTIONS[index % QUESTIONS.length] });
    return response.ok;
  };
  return (total) => runLoad(total, CONCURRENCY, insert);
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function printManyConversations(results: ManyConversationsResult[]): void {
  console.log('| active | offered /s | turns | answered /s | errors | first turns | p50 ms | p99 ms | service CPU ms/turn | database CPU ms/turn |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    for (const step of [result.baseline, ...result.steps]) {
      const errors = step.errors ? `${step.errors} ${JSON.stringify(step.errorKinds)}` : '0';
      console.log(
        `| ${step.active} | ${step.offeredPerSecond} | ${step.turns} | ${round(step.turnsPerSecond)} | ${errors} | ${round(step.firstTurnShare * 100)} % | ${round(step.p50)} | ${round(step.p99)} | ${round(step.cpuPerTurnMs.service!, 3)} | ${round(step.cpuPerTurnMs.database!, 3)} |`,
      );
    }
    console.log(`${result.active} conversations active: ${result.sustainedPerSecond} turns/s with p99 under ${P99_BOUND_MS} ms`);
  }
}

function printTable(rows: Array<[string, LoadResult]>): void {
  console.log('| measurement | requests | errors | per s | p50 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.requests} | ${r.errors} | ${round(r.perSecond)} | ${round(r.p50)} | ${round(r.p99)} |`);
  }
}
