// `npm run build && npx tsx bench/run-ai.ts [--quick] [--rounds=3] [--ai-only] [--shape=staggered|waves] [--dir=<checkout>] [--count-commands] [--phases] [--prof=<dir>] [--faq-paced]`: the AI
// assistant path (issue 22) on its own, so the default bench stays as long as
// it was. A stand-in model answers every request in a fixed 200 ms (the
// Chat Completions protocol, through the service's openai SDK). At 32 clients:
//  - AI turns: Handover's added p99 = the turn's p99 minus the model's 200 ms;
//  - the same load on the AI turn's floor in the same round (bench/ceiling-server.ts
//    with MODEL_URL: an HTTP server that asks the same stand-in through the
//    same SDK and fetch, inserts one document and answers): what any service
//    adds on this machine at this load, beside Handover's figure;
//  - FAQ turns (the demo bot) beside 32 clients of AI turns, the model up,
//    then with the model down (it never answers; the breaker opens after 3
//    timeouts and the AI turns fall back to the knowledge base at once).
// Shapes: `staggered` (the default) gives every client its own random start
// offset within one model time and a random think time before each turn (a
// seeded generator, the same every run), as customers are not in step;
// `waves` starts all 32 at once with no think time, so with a fixed 200 ms
// model their requests arrive together every 200 ms and the p99 is mostly
// the wave's own queue (the shape of the runs before 2026-12-03 14:00).
// `--dir`: the service from another checkout's `dist/` (an old build to
// compare, alternated by the caller); the load, database and stand-ins are
// this checkout's. `--count-commands`: the database commands per AI turn and
// per FAQ turn alone (through bench/command-counter.ts's proxy), on stderr. `--phases`: each AI
// message carries a turn number the stand-in reads back, so the AI phase's
// added time splits into before the model (client sent → model request
// arrived) and after it (model answered → client has the reply), both on
// this process's clock. `--prof=<dir>`: the service runs with --cpu-prof, and its
// profile goes to <dir>/<build>-ai-<time>.cpuprofile with the last round's AI
// phase as its window beside it (.window, for bench/profile-diff.ts). The last
// line is one JSON object.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startChatCompletionsStandIn } from '../test/ai/chat-completions-stand-in.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { freePort, startNodeProcess, stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { benchHttpClient } from './http-client.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { QUESTIONS } from './many-conversations.js';
import { cpuMeter, pidWithArgument } from './process-cpu.js';
import { startCommandCounter } from './command-counter.js';

const quick = process.argv.includes('--quick');
/** Only the 32-client AI phase (e.g. to profile an AI turn without the FAQ phases in the profile). */
const aiOnly = process.argv.includes('--ai-only');
/**
 * --faq-paced (with --ai-only): after each AI phase, as many FAQ turns in the
 * same shape with the model's 200 ms added to each think time, so they come
 * at about the AI turns' rate: what a turn costs at that rate without a model.
 */
const faqPaced = process.argv.includes('--faq-paced');
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const rounds = Number(option('rounds') ?? (quick ? 1 : 3));
const shape = option('shape') ?? 'staggered';
if (shape !== 'staggered' && shape !== 'waves') throw new Error('--shape is staggered or waves');
const serviceDir = option('dir');
const CONCURRENCY = 32;
const MODEL_MS = 200;
const TIMEOUT_MS = 2_000;
const AI_TURNS = quick ? 640 : 1_600;
const FAQ_TURNS = quick ? 1_000 : 4_000;
/** Turns a conversation gets before a client starts a new one (as customers do: a few questions each). */
const TURNS_PER_CONVERSATION = 5;
/** The longest think time before a turn (staggered shape): a uniform draw below it, mean a tenth of the model's time. */
const THINK_MS = 40;

/** A seeded generator (mulberry32): the same offsets and think times every run, so builds meet the same load. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pause = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * `total` turns from `concurrency` clients, each at most one turn in flight;
 * staggered: each client starts at its own offset and thinks before every
 * turn (not counted in the turn's latency). Waves: runLoad as before.
 */
async function clientLoad(total: number, concurrency: number, request: (worker: number, index: number) => Promise<boolean>, seed: number): Promise<LoadResult> {
  if (shape === 'waves') return runLoad(total, concurrency, request);
  const random = seededRandom(seed);
  const offsets = Array.from({ length: concurrency }, () => random() * MODEL_MS);
  return runLoad(total, concurrency, request, { start: (worker) => pause(offsets[worker]!), think: () => pause(random() * THINK_MS) });
}

let modelDown = false;
/** How long the stand-in took to answer, as it measured (its timer is late too on a loaded machine). */
let modelLatencies: number[] = [];
const phases = process.argv.includes('--phases');
/** --phases: per numbered turn, when the client sent it, the model request arrived, the model answered, the client had the reply. */
const turnTimes = new Map<number, { sent: number; arrived?: number; answered?: number; replied?: number }>();
let turnNumber = 0;
const model = await startChatCompletionsStandIn(async (call) => {
  if (modelDown) return { hang: true };
  const started = performance.now();
  const numbered = phases ? turnTimes.get(Number(/#(\d+)$/.exec(call.messages.at(-1)?.content ?? '')?.[1])) : undefined;
  if (numbered) numbered.arrived = started;
  await new Promise((resolve) => setTimeout(resolve, MODEL_MS));
  modelLatencies.push(performance.now() - started);
  if (numbered) numbered.answered = performance.now();
  return { text: 'A session costs 80 euros and lasts an hour; the first one is free.' };
});
const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-ai-'));
const db = await startEmbeddedDatabase({ dataDir });
const dbUrl = new URL(db.uri);
const counter = process.argv.includes('--count-commands') ? await startCommandCounter(dbUrl.hostname, Number(dbUrl.port)) : null;
const serviceDbUri = embeddedDatabaseUri(counter ? `mongodb://127.0.0.1:${counter.port}/` : db.uri, 'bench');
const configFile = join(dataDir, 'handover.json');
writeFileSync(
  configFile,
  JSON.stringify({
    bots: [
      {
        id: 'ai',
        name: 'AI coach',
        labs: true,
        knowledgeBase: QUESTIONS.map((question, index) => ({ id: `q${index}`, questions: [question], answer: `Answer ${index}.` })),
        assistant: { baseUrl: model.url, model: 'bench', timeoutMs: TIMEOUT_MS, fallback: 'faq' },
        // no lack_of_information or failed_resolution: every turn is the model's answer, none a handover
        rules: [{ name: 'default', triggers: ['contact_request', 'sensitive_topic'] }],
      },
    ],
  }),
);
// SERVICE_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the service's node
const profDir = option('prof');
const profTemp = profDir ? mkdtempSync(join(tmpdir(), 'handover-ai-prof-')) : '';
/** The last round's AI phase on the monotonic clock a --cpu-prof profile's timestamps are on, and its turns. */
const profWindow = { from: 0n, to: 0n, turns: 0 };
/** And the last round's --faq-paced phase: the same profile is written a second time as `faq-paced-<time>` with this window. */
const faqProfWindow = { from: 0n, to: 0n, turns: 0 };
const serviceFlags = [...(process.env.SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...(profTemp ? ['--cpu-prof', `--cpu-prof-dir=${profTemp}`] : [])];
const service = await startBenchService(serviceDbUri, slack.url, serviceFlags, { HANDOVER_CONFIG: configFile }, serviceDir || undefined);
const http = benchHttpClient();
const ceilingPort = await freePort();
const ceiling = startNodeProcess('bench/ceiling-server.ts', { MONGODB_URI: embeddedDatabaseUri(db.uri, 'bench'), PORT: String(ceilingPort), MODEL_URL: model.url });
const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
/** A turn on the floor: the text asked of the model, the answer inserted, a 200 back. */
const ceilingTurn = async (worker: number): Promise<boolean> => {
  const response = await http.postJson(ceilingUrl, { text: QUESTIONS[worker % QUESTIONS.length]! }, {}).catch(() => null);
  return response?.ok === true;
};

/**
 * A phase's turns that had no bot answer, by kind: errors (`http 500`,
 * `request failed: ECONNRESET`, `no reply, bot`) and the turns that are not
 * errors: a handover (`handed over (failed_resolution)`, its closing line the
 * reply) and the later messages of a handed-over conversation (`relayed to
 * the team (waiting)`: stored and relayed to the staff, no bot reply due).
 */
type ErrorKinds = Record<string, number>;

/** Clients each keep a conversation for a few turns, then start another; `errorKinds` tallies the turns without a bot answer. */
function turnsOf(botId: string, errorKinds: ErrorKinds = {}) {
  const count = (kind: string, ok: boolean) => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    return ok;
  };
  const countError = (kind: string) => count(kind, false);
  const conversations = new Map<number, { id: string; token: string; turns: number }>();
  const asked = new Map<number, number>();
  return async (worker: number): Promise<boolean> => {
    const current = conversations.get(worker);
    const number = (turnNumber += 1);
    // each client asks its own next question: never the same twice in a row (a failed turn, and after a few a
    // handover), whatever the timing; a shared index gave some conversations repeats in some runs and not others
    const question = QUESTIONS[(worker + (asked.get(worker) ?? 0)) % QUESTIONS.length]!;
    asked.set(worker, (asked.get(worker) ?? 0) + 1);
    const text = phases && botId === 'ai' ? `${question} #${number}` : question;
    const times: { sent: number; replied?: number } | null = phases && botId === 'ai' ? { sent: performance.now() } : null;
    if (times) turnTimes.set(number, times);
    const continuing = current && current.turns < TURNS_PER_CONVERSATION;
    let response: Awaited<ReturnType<typeof http.postJson>>;
    try {
      response = await http.postJson(
        `${service.url}/api/v1/bots/${botId}/messages`,
        continuing ? { text, conversationId: current.id } : { text },
        continuing ? { authorization: `Bearer ${current.token}` } : {},
      );
    } catch (error) {
      return countError(`request failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (times) times.replied = performance.now();
    if (!response.ok) return countError(`http ${response.status}`);
    const body = JSON.parse(response.body) as { conversationId: string; token?: string; replies: unknown[]; status: string; handover: { trigger: string } | null };
    if (continuing) current.turns += 1;
    else conversations.set(worker, { id: body.conversationId, token: body.token!, turns: 1 });
    if (body.handover) return count(`handed over (${body.handover.trigger})`, true);
    if (body.status === 'waiting' || body.status === 'assigned') return count(`relayed to the team (${body.status})`, true);
    return body.replies.length > 0 || countError(`no reply, ${body.status}`);
  };
}

/**
 * AI turns from `concurrency` clients until stopped (load beside a measured
 * phase), each client at most one turn per MODEL_MS: with the model down the
 * fallback answers at once, and unpaced clients would double the load on the
 * process instead of showing what the outage itself costs the FAQ bots.
 */
function backgroundAiTurns(concurrency: number) {
  let stop = false;
  let count = 0;
  const turn = turnsOf('ai');
  const random = seededRandom(7);
  const done = Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      if (shape === 'staggered') await pause(random() * MODEL_MS);
      while (!stop) {
        const started = performance.now();
        await turn(worker).catch(() => false);
        count += 1;
        const rest = MODEL_MS - (performance.now() - started);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
    }),
  );
  return {
    async stop() {
      stop = true;
      await done;
      return count;
    },
  };
}

/** CPU ms a turn cost the service and the database (from /proc), and the bench's clients and stand-in model. */
const cpuPerTurn = (cpu: Record<string, number>, turns: number) => ({
  serviceCpuMsPerTurn: Math.round((cpu.service! / turns) * 100) / 100,
  databaseCpuMsPerTurn: Math.round((cpu.database! / turns) * 100) / 100,
  benchCpuMsPerTurn: Math.round((cpu.bench! / turns) * 100) / 100,
});
const summary = (load: LoadResult, errorKinds: ErrorKinds = {}) => ({
  requests: load.requests,
  errors: load.errors,
  perSecond: Math.round(load.perSecond),
  p50: round(load.p50),
  p99: round(load.p99),
  ...(Object.keys(errorKinds).length ? { errorKinds } : {}),
});
const round = (ms: number) => Math.round(ms * 10) / 10;

/** --count-commands: the database commands a phase's turns asked for, per turn, on stderr. */
function printCounts(phase: string, turns: number): void {
  if (!counter) return;
  console.error(`${phase}:`);
  for (const [kind, { commands, documents }] of Object.entries(counter.counts()).sort(([, a], [, b]) => b.commands - a.commands)) {
    console.error(`  ${kind}: ${(commands / turns).toFixed(3)} commands/turn, ${(documents / turns).toFixed(3)} documents/turn`);
  }
}

const results: Array<Record<string, unknown>> = [];
try {
  await waitForHttp(`${service.url}/readyz`);
  await waitForHttp(`${ceilingUrl}/`);
  const databasePid = pidWithArgument(dataDir);
  // warm both paths (JIT, connections, the knowledge-base index)
  await runLoad(200, CONCURRENCY, turnsOf('demo'));
  await runLoad(CONCURRENCY * 4, CONCURRENCY, turnsOf('ai'));
  await runLoad(CONCURRENCY * 4, CONCURRENCY, ceilingTurn);
  for (let r = 0; r < rounds; r++) {
    modelDown = false;
    // the floor in the same round, with the same seed (the same offsets and think times), first in every other round
    const floor = async () => {
      const meter = cpuMeter({ ceiling: ceiling.pid!, database: databasePid });
      const load = await clientLoad(AI_TURNS, CONCURRENCY, ceilingTurn, 1 + r);
      const cpu = meter.stop();
      return { load, cpuMsPerTurn: Math.round((cpu.ceiling! / load.requests) * 100) / 100, databaseCpuMsPerTurn: Math.round((cpu.database! / load.requests) * 100) / 100 };
    };
    const floorFirst = r % 2 === 1 ? await floor() : null;
    modelLatencies = [];
    let meter = cpuMeter({ service: service.process.pid!, database: databasePid });
    const modelConnectionsBefore = model.connections();
    counter?.reset();
    turnTimes.clear();
    profWindow.from = process.hrtime.bigint() / 1000n;
    const aiErrors: ErrorKinds = {};
    const ai = await clientLoad(AI_TURNS, CONCURRENCY, turnsOf('ai', aiErrors), 1 + r);
    profWindow.to = process.hrtime.bigint() / 1000n;
    profWindow.turns = ai.requests;
    const modelConnections = model.connections() - modelConnectionsBefore;
    const aiCpu = meter.stop();
    printCounts('AI turns', ai.requests);
    const modelP99 = percentile(modelLatencies.sort((a, b) => a - b), 0.99);
    const { load: ceilingLoad, ...ceilingCpu } = floorFirst ?? (await floor());
    const ceilingAdded = {
      ceilingAddedP99OverModel: Math.round((ceilingLoad.p99 - MODEL_MS) * 10) / 10,
      ceilingAddedP50OverModel: Math.round((ceilingLoad.p50 - MODEL_MS) * 10) / 10,
      ceilingErrors: ceilingLoad.errors,
      ceilingCpuMsPerTurn: ceilingCpu.cpuMsPerTurn,
      ceilingDatabaseCpuMsPerTurn: ceilingCpu.databaseCpuMsPerTurn,
      addedP99BeyondCeiling: Math.round((ai.p99 - ceilingLoad.p99) * 10) / 10,
    };
    if (phases) {
      const complete = [...turnTimes.values()].filter((t) => t.arrived !== undefined && t.answered !== undefined && t.replied !== undefined);
      const spread = (values: number[]) => {
        const sorted = values.sort((a, b) => a - b);
        return { p50: Math.round(percentile(sorted, 0.5) * 10) / 10, p99: Math.round(percentile(sorted, 0.99) * 10) / 10 };
      };
      console.error(
        JSON.stringify({
          turnsTimed: complete.length,
          beforeModelMs: spread(complete.map((t) => t.arrived! - t.sent)),
          modelMs: spread(complete.map((t) => t.answered! - t.arrived!)),
          afterModelMs: spread(complete.map((t) => t.replied! - t.answered!)),
          addedMs: spread(complete.map((t) => t.replied! - t.sent - MODEL_MS)),
        }),
      );
    }
    if (aiOnly) {
      let paced: Record<string, unknown> = {};
      if (faqPaced) {
        const random = seededRandom(100 + r);
        const meter = cpuMeter({ service: service.process.pid!, database: databasePid });
        counter?.reset();
        faqProfWindow.from = process.hrtime.bigint() / 1000n;
        const pacedErrors: ErrorKinds = {};
        const faq = await runLoad(AI_TURNS, CONCURRENCY, turnsOf('demo', pacedErrors), { start: () => pause(random() * MODEL_MS), think: () => pause(MODEL_MS + random() * THINK_MS) });
        faqProfWindow.to = process.hrtime.bigint() / 1000n;
        faqProfWindow.turns = faq.requests;
        paced = { faqPaced: { ...summary(faq, pacedErrors), ...cpuPerTurn(meter.stop(), faq.requests) } };
        printCounts('FAQ turns at the AI rate', faq.requests);
      }
      const round = { round: r + 1, ai: { ...summary(ai, aiErrors), addedP99OverModel: Math.round((ai.p99 - MODEL_MS) * 10) / 10, ...ceilingAdded, modelP99AsMeasured: Math.round(modelP99 * 10) / 10, modelConnections, ...cpuPerTurn(aiCpu, ai.requests) }, ...paced };
      results.push({ ...round, loadAverage: loadavg()[0] });
      console.error(JSON.stringify(round));
      continue;
    }
    meter = cpuMeter({ service: service.process.pid!, database: databasePid });
    counter?.reset();
    const faqAloneErrors: ErrorKinds = {};
    const faqAlone = await runLoad(FAQ_TURNS, CONCURRENCY, turnsOf('demo', faqAloneErrors));
    const faqCpu = meter.stop();
    printCounts('FAQ turns', faqAlone.requests);
    let background = backgroundAiTurns(CONCURRENCY);
    const faqBesideModelErrors: ErrorKinds = {};
    const faqBesideModel = await runLoad(FAQ_TURNS, CONCURRENCY, turnsOf('demo', faqBesideModelErrors));
    const aiTurnsBesideUp = await background.stop();
    modelDown = true;
    // the breaker opens after its 3 timeouts, then stays open 30 s: the phase below stays well inside that
    await runLoad(3, 3, turnsOf('ai'));
    background = backgroundAiTurns(CONCURRENCY);
    const faqModelDownErrors: ErrorKinds = {};
    const faqModelDown = await runLoad(FAQ_TURNS, CONCURRENCY, turnsOf('demo', faqModelDownErrors));
    const aiTurnsBesideDown = await background.stop();
    const round = {
      round: r + 1,
      ai: { ...summary(ai, aiErrors), addedP99OverModel: Math.round((ai.p99 - MODEL_MS) * 10) / 10, ...ceilingAdded, modelP99AsMeasured: Math.round(modelP99 * 10) / 10, modelConnections, ...cpuPerTurn(aiCpu, ai.requests) },
      faqAlone: { ...summary(faqAlone, faqAloneErrors), ...cpuPerTurn(faqCpu, faqAlone.requests) },
      faqBesideAiModelUp: { ...summary(faqBesideModel, faqBesideModelErrors), aiTurnsBeside: aiTurnsBesideUp },
      faqBesideAiModelDown: { ...summary(faqModelDown, faqModelDownErrors), aiTurnsBeside: aiTurnsBesideDown },
    };
    results.push({ ...round, loadAverage: loadavg()[0] });
    console.error(JSON.stringify(round));
    // let the breaker close again (its 30 s) before the next round's model-up phase
    if (r + 1 < rounds) {
      modelDown = false;
      await new Promise((resolve) => setTimeout(resolve, 31_000));
      await runLoad(CONCURRENCY, CONCURRENCY, turnsOf('ai'));
    }
  }
  console.log(JSON.stringify({ shape, build: serviceDir ?? 'this checkout', loadAverage: loadavg().map((value) => Math.round(value * 10) / 10), concurrency: CONCURRENCY, modelMs: MODEL_MS, modelRequests: model.calls.length, modelConnectionsTotal: model.connections(), rounds: results }));
} finally {
  http.close();
  await stopProcess(ceiling);
  await stopProcess(service.process);
  await counter?.close();
  await db.stop();
  await slack.close();
  await model.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (profDir) {
    mkdirSync(profDir, { recursive: true });
    const stamp = Date.now();
    const name = `${basename(serviceDir ?? 'this')}-ai-${stamp}`;
    for (const file of readdirSync(profTemp)) {
      if (faqProfWindow.to) copyFileSync(join(profTemp, file), join(profDir, `faq-paced-${stamp}.cpuprofile`));
      renameSync(join(profTemp, file), join(profDir, `${name}.cpuprofile`));
    }
    if (profWindow.to) writeFileSync(join(profDir, `${name}.window`), `${profWindow.from}-${profWindow.to} ${profWindow.turns}\n`);
    if (faqProfWindow.to) writeFileSync(join(profDir, `faq-paced-${stamp}.window`), `${faqProfWindow.from}-${faqProfWindow.to} ${faqProfWindow.turns}\n`);
    rmSync(profTemp, { recursive: true, force: true });
  }
}
