import type { HandoverContext } from '../handover-context.js';
import type { TaskScheduler } from '../ports/task-scheduler.js';
import { isDuplicateKeyError, type HandoverStore } from '../storage/handover-store.js';
import { perStore } from '../storage/per-store.js';
import { oneAtATime } from '../storage/one-at-a-time.js';
import { fireTaskDue } from './fire-task-due.js';

const MINUTE = 60_000;
const CURSOR = 'task-reminders-cursor';
/** How far back a first sweep looks. */
const FIRST_LOOKBACK_MINUTES = 7 * 24 * 60;
/** Reminders in flight at once; their decisions and outbox rows share batched commands. */
const PARALLEL_REMINDERS = 32;

const MINUTES_A_DAY = 24 * 60;
const MINUTES_REMEMBERED = 10_000;
const bucketOf = (date: Date) => Math.floor(date.getTime() / MINUTE);
const dayOf = (minute: number) => Math.floor(minute / MINUTES_A_DAY);

/**
 * Schedules a task by adding it to its minute's list, and the minute to its
 * day's list: a sweep reads a few day documents and the minutes that have
 * tasks, all by _id, however long it has been since the last one. Lists are
 * never emptied, so a minute this process has put on its day's list once
 * needs no second write.
 */
export function dueTaskScheduler(store: HandoverStore): Pick<TaskScheduler, 'scheduleTaskDue'> {
  const minutesListed = new Set<string>();
  return {
    async scheduleTaskDue(taskId, dueAt) {
      const minute = bucketOf(dueAt);
      await addToList(store, `due:${minute}`, taskId);
      const dayEntry = `day:${dayOf(minute)}/${minute}`;
      if (minutesListed.has(dayEntry)) return;
      await addToList(store, `day:${dayOf(minute)}`, String(minute));
      // forgetting only costs a write again
      if (minutesListed.size >= MINUTES_REMEMBERED) minutesListed.clear();
      minutesListed.add(dayEntry);
    },
  };
}

/** Per list, the items waiting for its next write, and that write. */
const listBatches = perStore(() => new Map<string, { items: string[]; written: Promise<void> }>());

/**
 * Adds to a list one write at a time per list in this process (on FerretDB
 * concurrent $addToSet on one document lose items); items asked for while a
 * write is on its way go together in the next one (a minute's list is where
 * every handover of that minute lands). Two upserts of a new list racing
 * across replicas: one inserts, the other fails on the duplicate _id and,
 * tried again, finds the list and adds to it.
 */
function addToList(store: HandoverStore, listId: string, item: string): Promise<void> {
  const waiting = listBatches(store);
  const queued = waiting.get(listId);
  if (queued) {
    queued.items.push(item);
    return queued.written;
  }
  const items = [item];
  const written = oneAtATime(`dueTasks:${listId}`, () => {
    // from here on, new items wait for the next write
    waiting.delete(listId);
    return upsertIntoList(store, listId, items);
  });
  waiting.set(listId, { items, written });
  return written;
}

async function upsertIntoList(store: HandoverStore, listId: string, items: string[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.dueTasks.updateOne({ _id: listId }, { $addToSet: { taskIds: { $each: items } } }, { upsert: true });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= 2) throw error;
    }
  }
}

/** The minutes from `from` to `to` that have tasks, in order. */
async function minutesWithTasks(store: HandoverStore, from: number, to: number): Promise<number[]> {
  const minutes: number[] = [];
  for (let day = dayOf(from); day <= dayOf(to); day += 1) {
    const listed = await store.dueTasks.findById(`day:${day}`).lean();
    for (const minute of (listed?.taskIds ?? []).map(Number)) if (minute >= from && minute <= to) minutes.push(minute);
  }
  return minutes.sort((a, b) => a - b);
}

/**
 * Per minute still swept, the tasks this process found settled (reminded,
 * or done or reminded before): later sweeps of the same minute skip them.
 * The current minute is swept every second; without this, a minute holding
 * 1,000 tasks cost 4,000 reads a second after all were reminded (FerretDB
 * near half a core, customers' turns slower, until the minute passed).
 */
const settledTasks = perStore(() => new Map<number, Set<string>>());

function settledIn(store: HandoverStore, minute: number): Set<string> {
  const minutes = settledTasks(store);
  let settled = minutes.get(minute);
  if (!settled) minutes.set(minute, (settled = new Set()));
  return settled;
}

function forgetMinutesBefore(store: HandoverStore, cursor: number): void {
  const minutes = settledTasks(store);
  for (const minute of minutes.keys()) if (minute < cursor) minutes.delete(minute);
}

/**
 * Reminds every task that fell due since the last sweep, minute by minute.
 * A minute is left behind only once all its tasks are due; reminders are
 * once-only, so looking at a minute twice is harmless.
 */
export async function sweepDueTasks(ctx: HandoverContext): Promise<number> {
  const now = ctx.now();
  const setting = await ctx.store.settings.findById(CURSOR).lean();
  const from = typeof setting?.value === 'number' ? setting.value : bucketOf(now) - FIRST_LOOKBACK_MINUTES;
  // where the next sweep starts: past every minute whose tasks were all due
  let cursor = bucketOf(now);
  let reminded = 0;
  for (const minute of await minutesWithTasks(ctx.store, from, bucketOf(now))) {
    const bucket = await ctx.store.dueTasks.findById(`due:${minute}`).lean();
    const settled = settledIn(ctx.store, minute);
    const taskIds = (bucket?.taskIds ?? []).filter((taskId) => !settled.has(taskId));
    const due = await Promise.all(taskIds.map((taskId) => ctx.store.tasks.findById(taskId).lean()));
    const dueNow = due.filter((task) => task && task.dueAt <= now).map((task) => task!._id);
    // a pool, not fixed chunks: a slow reminder does not hold up the next ones
    const waiting = [...dueNow];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_REMINDERS, waiting.length) }, async () => {
        for (let taskId = waiting.shift(); taskId !== undefined; taskId = waiting.shift()) {
          const outcome = await fireTaskDue(ctx, taskId);
          if (outcome === 'reminded') reminded += 1;
          if (outcome !== 'not-written') settled.add(taskId);
        }
      }),
    );
    if (dueNow.length < taskIds.length) {
      cursor = minute;
      break;
    }
  }
  await ctx.store.settings.updateOne({ _id: CURSOR }, { $set: { value: cursor } }, { upsert: true });
  forgetMinutesBefore(ctx.store, cursor);
  return reminded;
}
