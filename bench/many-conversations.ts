import { randomUUID } from 'node:crypto';
import type { BenchHttpClient } from './http-client.js';
import { percentile, runLoad } from './load.js';
import { cpuMeter, type CpuProcesses } from './process-cpu.js';

/**
 * Real traffic: many customers, each with a short conversation (3-12
 * turns) and a pause to think between turns, arriving over time whatever
 * the service's speed (open loop). The population is held at `active`
 * conversations: each turn goes to one of them picked at random, and a
 * conversation that has had its last turn is replaced by a new customer.
 * Turns thus arrive as a Poisson process at the offered rate, each
 * customer thinks for an exponential time of mean active / rate seconds,
 * and new conversations start at about rate / 7.5 a second.
 */
export interface ManyConversationsStep {
  active: number;
  offeredPerSecond: number;
  /** Turns answered per second of the step (the step's turns over its time, tail included). */
  turnsPerSecond: number;
  turns: number;
  errors: number;
  /** What the errors were: an HTTP status, `no reply` (answered without the bot's one reply), `busy` (no idle customer to take the turn). */
  errorKinds: Record<string, number>;
  /** Share of the step's turns that started a conversation. */
  firstTurnShare: number;
  /** From when the turn was due (not when it could be sent) to its answer. */
  p50: number;
  p95: number;
  p99: number;
  /** With a few thousand turns a step, the p99 is decided by its slowest few dozen: one stall of a quarter second decides it. */
  p999: number;
  /** CPU per answered turn, ms, per process (service, database, bench). */
  cpuPerTurnMs: Record<string, number>;
  /** Each turn's [when it was due, ms from the step's start; its latency, ms; how late the bench sent it, ms], in the order answered: when the slow ones were. */
  timeline: Array<[number, number, number]>;
  /** The step's start on the wall clock (ms since the epoch), to line its timeline up with other processes' records. */
  startedAtMs: number;
}

/** What the bench's customers ask: the demo bot's questions, each answered from its knowledge base. */
export const QUESTIONS = [
  'How much does a session cost?',
  'When are you open?',
  'How do I book a session?',
  'Is the first session free?',
  'How long is a session?',
  'What payment methods do you accept?',
];
const MIN_TURNS = 3;
const MAX_TURNS = 12;

interface Customer {
  conversation: { id: string; token: string } | null;
  turnsLeft: number;
  asked: number;
  busy: boolean;
}

function conversationLength(): number {
  return MIN_TURNS + Math.floor(Math.random() * (MAX_TURNS - MIN_TURNS + 1));
}

export function customerPopulation(http: BenchHttpClient, serviceUrl: string, processes: CpuProcesses) {
  const customers: Customer[] = [];

  /** One turn of a customer: their first message (a new conversation) when they have none or had their last turn. */
  const turn = async (customer: Customer): Promise<{ ok: boolean; first: boolean; error?: string }> => {
    if (customer.turnsLeft === 0) {
      customer.conversation = null;
      customer.turnsLeft = conversationLength();
      customer.asked = Math.floor(Math.random() * QUESTIONS.length);
    }
    const conversation = customer.conversation;
    const asked = customer.asked++;
    customer.turnsLeft -= 1;
    const response = await http.postJson(
      `${serviceUrl}/api/v1/bots/demo/messages`,
      {
        // each turn a question other than the last: the same one twice in a row is a failed turn
        text: QUESTIONS[asked % QUESTIONS.length],
        conversationId: conversation?.id,
        messageId: conversation ? `m${asked}` : randomUUID(),
      },
      conversation ? { authorization: `Bearer ${conversation.token}` } : {},
    );
    const body = JSON.parse(response.body) as { conversationId: string; token?: string; replies?: unknown[] };
    if (!conversation && body.token) customer.conversation = { id: body.conversationId, token: body.token };
    const ok = response.ok && body.replies?.length === 1;
    return { ok, first: !conversation, error: ok ? undefined : response.ok ? 'no reply' : String(response.status) };
  };

  /**
   * Adds customers until `active` are talking, each with their first turn
   * sent as fast as the service takes them (32 at a time) and part of their
   * conversation already behind them, as in a population that has been
   * running for a while.
   */
  const grow = async (active: number): Promise<void> => {
    const added = Math.max(0, active - customers.length);
    const fresh = Array.from({ length: added }, (): Customer => ({ conversation: null, turnsLeft: 0, asked: 0, busy: false }));
    customers.push(...fresh);
    const failures = await runLoad(added, 32, async (_, index) => {
      const customer = fresh[index]!;
      const { ok } = await turn(customer);
      // somewhere in its conversation, as in a population that has been running for a while: a
      // conversation of n turns is at any of them alike (none left: the next turn is a new customer's)
      customer.turnsLeft = Math.floor(Math.random() * (customer.turnsLeft + 1));
      return ok;
    });
    if (failures.errors > 0) throw new Error(`${failures.errors} of ${added} conversations failed to start`);
  };

  /** Turns offered at `rate` a second for `seconds`, to customers picked at random; then waits for the last answers. */
  const offer = async (rate: number, seconds: number): Promise<ManyConversationsStep> => {
    const latencies: number[] = [];
    const timeline: Array<[number, number, number]> = [];
    let errors = 0;
    const errorKinds: Record<string, number> = {};
    const failed = (kind: string) => {
      errors += 1;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    };
    let firstTurns = 0;
    const inFlight = new Set<Promise<void>>();
    const meter = cpuMeter(processes);
    const started = performance.now();
    const startedAtMs = performance.timeOrigin + started;
    const end = started + seconds * 1000;
    let due = started;
    const idleCustomer = (): Customer | undefined => {
      for (let tries = 0; tries < 50; tries++) {
        const customer = customers[Math.floor(Math.random() * customers.length)]!;
        if (!customer.busy) return customer;
      }
      return undefined;
    };
    const send = (customer: Customer, dueAt: number) => {
      customer.busy = true;
      // the generator's own lateness: a turn sent well after it was due means the bench, not the service, was behind
      const sendLag = performance.now() - dueAt;
      const sent: Promise<void> = turn(customer)
        .catch((error: Error) => ({ ok: false, first: false, error: error.message }))
        .then(({ ok, first, error }) => {
          latencies.push(performance.now() - dueAt);
          timeline.push([dueAt - started, latencies.at(-1)!, sendLag]);
          if (!ok) failed(error ?? '?');
          if (first) firstTurns += 1;
          customer.busy = false;
          inFlight.delete(sent);
        });
      inFlight.add(sent);
    };
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // every turn due by now goes out, however late the timer woke
      for (const now = performance.now(); due <= now && due < end; due += (-Math.log(1 - Math.random()) / rate) * 1000) {
        const customer = idleCustomer();
        if (customer) send(customer, due);
        else failed('busy');
      }
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = meter.stop();
    latencies.sort((a, b) => a - b);
    const turns = latencies.length;
    return {
      active: customers.length,
      offeredPerSecond: rate,
      turnsPerSecond: turns / elapsed,
      turns,
      errors,
      errorKinds,
      firstTurnShare: firstTurns / Math.max(1, turns),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      p999: percentile(latencies, 0.999),
      cpuPerTurnMs: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / Math.max(1, turns)])),
      timeline,
      startedAtMs,
    };
  };

  /**
   * The shape of the 32-client phase over this population: `concurrency`
   * clients each sending a turn as soon as the last is answered (closed
   * loop), to customers picked at random. For comparing the two shapes.
   */
  const closedLoop = async (total: number, concurrency: number) => {
    const meter = cpuMeter(processes);
    let firstTurns = 0;
    const load = await runLoad(total, concurrency, async () => {
      let customer = customers[Math.floor(Math.random() * customers.length)]!;
      while (customer.busy) customer = customers[Math.floor(Math.random() * customers.length)]!;
      customer.busy = true;
      try {
        const { ok, first } = await turn(customer);
        if (first) firstTurns += 1;
        return ok;
      } finally {
        customer.busy = false;
      }
    });
    const cpu = meter.stop();
    return { ...load, firstTurnShare: firstTurns / total, cpuPerTurnMs: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / total])) };
  };

  return { grow, offer, closedLoop, get active() { return customers.length; } };
}

export type CustomerPopulation = ReturnType<typeof customerPopulation>;

/** What the bench reports for one population size. */
export interface ManyConversationsResult {
  active: number;
  /** At the same offered rate for every population: the cost of a turn, compared across sizes. */
  baseline: ManyConversationsStep;
  /** The steps of the rate search, in order. */
  steps: ManyConversationsStep[];
  /** The highest offered rate whose turns had p99 under the bound, all answered, at least 90 % of it served (0: none; see measurePopulation). */
  sustainedPerSecond: number;
}

export const P99_BOUND_MS = 100;

function passes(step: ManyConversationsStep): boolean {
  return step.p99 < P99_BOUND_MS && step.errors === 0 && step.turnsPerSecond >= 0.9 * step.offeredPerSecond;
}

/**
 * At `active` conversations: the cost of a turn at `baselineRate`, then
 * rates rising by `factor` from `firstRate` until two steps in a row miss
 * the bound (p99, errors, or the service falling behind): on two cores
 * shared with other work one step of a few seconds can miss by chance.
 * `maxRate` (the same run's ceiling) ends the search too, besides
 * `maxSteps`: with a step count alone the search stopped below the rates
 * the target asks about (a quick run's fourth step was 412/s), and a
 * service still passing there was reported at the last rate tried.
 */
export async function measurePopulation(
  population: CustomerPopulation,
  active: number,
  options: { baselineRate: number; firstRate: number; factor: number; maxSteps: number; seconds: number; maxRate?: number },
): Promise<ManyConversationsResult> {
  await population.grow(active);
  // a step's worth at the baseline first: the customers just added all had their first turn moments ago, and
  // at the first size the code of new conversations is still warming up (the 32-client phases start few of
  // them): after half a step, the first size's turns still cost about 10 % more than the same size's later on
  await population.offer(options.baselineRate, options.seconds);
  const baseline = await population.offer(options.baselineRate, options.seconds);
  const steps: ManyConversationsStep[] = [];
  let sustainedPerSecond = passes(baseline) ? baseline.offeredPerSecond : 0;
  let missed = 0;
  for (let rate = options.firstRate, i = 0; i < options.maxSteps && missed < 2 && rate <= (options.maxRate ?? Infinity); rate = Math.round(rate * options.factor), i++) {
    const step = await population.offer(rate, options.seconds);
    steps.push(step);
    missed = passes(step) ? 0 : missed + 1;
    if (missed === 0) sustainedPerSecond = Math.max(sustainedPerSecond, rate);
  }
  return { active, baseline, steps, sustainedPerSecond };
}
