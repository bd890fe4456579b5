import type { Logger } from 'pino';
import { NOTIFICATION_KINDS, type DeliveryAttempt, type EscalationNotifier, type NotificationKind } from '../ports/escalation-notifier.js';
import type { Decisions } from '../ports/decisions.js';
import type { OutboxRepository, OutboxRow } from '../ports/outbox-repository.js';
import { newOrderedId } from '../ids/new-id.js';
import { oneAtATime } from '../ordering/one-at-a-time.js';
import type { Bot } from '../types.js';
import { asDeliveryFailure } from './delivery-failure.js';

/** A platform the outbox delivers to (Slack, Teams, email, webhooks). */
export interface OutboxTarget {
  name: string;
  notifier: EscalationNotifier;
  /** A cheap look at whether this platform has anything to do with a notification: no row is written when not. */
  accepts?(kind: NotificationKind, event: any): boolean | Promise<boolean>;
}

export interface OutboxOptions {
  rows: OutboxRepository;
  decisions: Decisions;
  log: Logger;
  targets: OutboxTarget[];
  loadBot(botId: string): Promise<Bot>;
  now?(): Date;
  /** First retry after this long, doubling up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Given up (state `failed`, logged as an error) after this many tries. */
  maxAttempts?: number;
  /** A row handed to the immediate try is left alone by sweeps this long. */
  leaseMs?: number;
}

export interface Outbox {
  /** What the domain calls: stores one row per interested platform, then tries it at once. */
  notifier: EscalationNotifier;
  /** Tries what is due (first tries nobody made, retries); returns how many were delivered. */
  deliverDue(): Promise<number>;
  /** Waits (bounded) for the tries in flight. */
  stop(timeoutMs?: number): Promise<void>;
}

type Outcome = 'delivered' | 'failed' | 'busy';

const SWEEP_BATCH = 500;

/**
 * The durable outbox: every notification is stored before the customer's
 * turn is answered, then delivered and retried with backoff until the
 * platform takes it. Each try is decided by a unique insert
 * (`outbox:<row>:<attempt>`), so a row is tried once per attempt on any
 * number of replicas, and rows of one conversation and platform go out in
 * order: a failing escalation post holds back the thread relays behind it.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { rows: outboxRows, decisions, log } = options;
  const now = options.now ?? (() => new Date());
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 30;
  const leaseMs = options.leaseMs ?? 30_000;
  const targets = new Map(options.targets.map((target) => [target.name, target]));
  const inFlight = new Set<Promise<unknown>>();

  async function enqueue(kind: NotificationKind, event: any): Promise<void> {
    if (targets.size === 0) return;
    const queuedAt = now();
    const rows: OutboxRow[] = [];
    for (const target of targets.values()) {
      if (!target.notifier[kind]) continue;
      if (target.accepts && !(await target.accepts(kind, event))) continue;
      rows.push({
        id: newOrderedId('ob'),
        target: target.name,
        kind,
        onceKey: onceKeyOf(kind, event),
        event: pack(kind, event),
        orderKey: `${target.name}:${conversationIdOf(kind, event)}`,
        attempt: 0,
        // the lease: this process tries it now; sweeps leave it alone meanwhile
        nextAt: new Date(queuedAt.getTime() + leaseMs),
        state: 'pending',
        lastError: null,
        queuedAt,
      });
    }
    if (rows.length === 0) return;
    await Promise.all(rows.map((row) => outboxRows.add(row)));
    for (const row of rows) track(inOrder(row.orderKey, () => attempt(row)));
  }

  /** Tries of one conversation and platform run one after the other in this process. */
  function inOrder(orderKey: string, run: () => Promise<Outcome>): Promise<Outcome> {
    return oneAtATime(`outbox:${orderKey}`, run);
  }

  function track(promise: Promise<unknown>): void {
    const settled = promise.catch((error: unknown) => log.error({ err: error }, 'outbox delivery crashed'));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  }

  /**
   * One try of a row. `bySweep`: the sweep read the oldest pending rows in
   * order and tries each conversation's one after the other, so an older
   * row of the same conversation would have come first: the order check,
   * which the embedded database answers by reading every pending row, is
   * left out (with it a backlog of n rows cost n² row reads to deliver).
   */
  async function attempt(row: OutboxRow, bySweep = false): Promise<Outcome> {
    const target = targets.get(row.target);
    if (!target) return 'busy';
    // the order check and both decisions in one round trip: a lock taken for a copy that is then dropped costs nothing
    const [behind, onlyCopy, lock] = await Promise.all([
      // a first try must not overtake an older row of its conversation still waiting, perhaps on another replica: it is left for the sweep
      row.attempt === 0 && !bySweep && !startsItsOrder(row) ? outboxRows.hasOlderPending(row) : false,
      row.onceKey ? isTheOnlyCopy(row) : true,
      decisions.decideOnce(`outbox:${row.id}:${row.attempt}`, { pid: process.pid }),
    ]);
    if (behind) {
      await leaveForTheSweep(row, lock.won);
      return 'busy';
    }
    if (!onlyCopy) {
      await outboxRows.remove(row.id);
      log.info({ deliveryId: row.id, target: row.target, kind: row.kind }, 'notification already delivered by another copy');
      return 'delivered';
    }
    if (!lock.won) {
      log.debug({ deliveryId: row.id, kind: row.kind, attempt: row.attempt }, 'notification try taken elsewhere');
      return 'busy';
    }
    const ids = { deliveryId: row.id, target: row.target, kind: row.kind, attempt: row.attempt };
    try {
      const event = await unpack(row);
      const delivery: DeliveryAttempt = { deliveryId: row.id, attempt: row.attempt, queuedAt: row.queuedAt };
      await (target.notifier[row.kind as NotificationKind] as (e: unknown, a: DeliveryAttempt) => Promise<void>)(event, delivery);
    } catch (error) {
      await recordFailure(row, error, ids);
      return 'failed';
    }
    await outboxRows.remove(row.id);
    if (row.attempt > 0) log.info(ids, 'notification delivered after retrying');
    else log.debug(ids, 'notification delivered');
    return 'delivered';
  }

  /**
   * Some notifications are queued more than once by design (a task reminder
   * queued again after a crash, by two replicas): the first row to be tried
   * becomes the one copy that is delivered, on every retry of its own.
   */
  async function isTheOnlyCopy(row: OutboxRow): Promise<boolean> {
    const claim = await decisions.decideOnce(`once:${row.target}:${row.onceKey}`, { row: row.id });
    return claim.won || claim.winner.row === row.id;
  }

  /** Hands a first try that waits behind an older row to the sweep, with the try's lock given back so the sweep can take it. */
  async function leaveForTheSweep(row: OutboxRow, heldLock: boolean): Promise<void> {
    log.debug({ deliveryId: row.id, kind: row.kind }, 'notification waits behind an older one');
    if (heldLock) await decisions.withdraw(`outbox:${row.id}:${row.attempt}`);
    await outboxRows.dueAgainAt(row.id, now());
  }

  async function recordFailure(row: OutboxRow, error: unknown, ids: Record<string, unknown>): Promise<void> {
    const failure = asDeliveryFailure(error);
    const attempts = row.attempt + 1;
    if (!failure.retryable || attempts >= maxAttempts) {
      await outboxRows.recordFailure(row.id, { state: 'failed', attempt: attempts, lastError: failure.message });
      log.error({ ...ids, error: failure.message, retryable: failure.retryable }, 'notification given up');
      return;
    }
    const delayMs = failure.retryAfterMs ?? backoff(attempts);
    await outboxRows.recordFailure(row.id, { attempt: attempts, nextAt: new Date(now().getTime() + delayMs), lastError: failure.message });
    log.warn({ ...ids, error: failure.message, retryInMs: Math.round(delayMs) }, 'notification failed, will retry');
  }

  function backoff(attempts: number): number {
    const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), maxDelayMs);
    return delay * (0.8 + Math.random() * 0.4);
  }

  async function unpack(row: OutboxRow): Promise<unknown> {
    if (row.kind !== 'escalated') return row.event;
    const { botId, ...rest } = row.event as { botId: string };
    return { ...rest, bot: await options.loadBot(botId) };
  }

  function deliverDue(): Promise<number> {
    const sweep = sweepOnce();
    track(sweep);
    return sweep;
  }

  async function sweepOnce(): Promise<number> {
    const rows = await outboxRows.oldestPending(SWEEP_BATCH);
    const byKey = new Map<string, OutboxRow[]>();
    for (const row of rows) byKey.set(row.orderKey, [...(byKey.get(row.orderKey) ?? []), row]);
    let delivered = 0;
    await Promise.all(
      [...byKey].map(async ([key, keyRows]) => {
        for (const row of keyRows) {
          if (row.nextAt.getTime() > now().getTime()) return;
          const outcome = await inOrder(key, () => attempt(row, true));
          if (outcome === 'busy') await retakeIfAbandoned(row);
          if (outcome !== 'delivered') return;
          delivered += 1;
        }
      }),
    );
    return delivered;
  }

  /**
   * A try whose lock is held long past its due time was cut off (its process
   * died mid-delivery): count it as failed so the next sweep tries again.
   */
  async function retakeIfAbandoned(row: OutboxRow): Promise<void> {
    if (row.nextAt.getTime() + leaseMs > now().getTime()) return;
    await outboxRows.countInterruptedTry(row.id, row.attempt);
    log.warn({ deliveryId: row.id, target: row.target, kind: row.kind }, 'notification try was interrupted, will retry');
  }

  const notifier = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, (event: unknown) => enqueue(kind, event)])) as unknown as EscalationNotifier;

  return {
    notifier,
    deliverDue,
    async stop(timeoutMs = 5_000) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.all(inFlight), timeout]);
    },
  };
}

/** Notifications that must reach a platform once whoever queues them: a handover's post, a relayed message, a task's reminder, an SLA stage. */
function onceKeyOf(kind: NotificationKind, event: any): string | null {
  if (kind === 'escalated') return `escalated:${event.handover.id}`;
  if (kind === 'taskDue') return `taskDue:${event.task.id}`;
  if (kind === 'customerMessage') return `customerMessage:${event.message.id}`;
  if (kind === 'agentReplied') return `agentReplied:${event.message.id}`;
  if (kind === 'unclaimed') return `unclaimed:${event.handover.id}:${event.stage}`;
  return null;
}

/** The escalation of a conversation that began with it: nothing of that conversation can be queued before it. */
function startsItsOrder(row: OutboxRow): boolean {
  return row.kind === 'escalated' && row.event.newConversation === true;
}

function conversationIdOf(kind: NotificationKind, event: any): string {
  return kind === 'taskDue' ? event.task.conversationId : event.conversation.id;
}

/** What a row keeps: the event as BSON (dates stay dates), a bot by id (its knowledge base can be large). */
function pack(kind: NotificationKind, event: any): Record<string, unknown> {
  if (kind !== 'escalated') return event;
  const { bot, ...rest } = event;
  return { ...rest, botId: bot.id };
}
