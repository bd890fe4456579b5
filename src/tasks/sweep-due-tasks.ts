import type { HandoverContext } from '../handover-context.js';
import type { DueTaskLists } from '../ports/task-repository.js';
import { fireTaskDue } from './fire-task-due.js';

const MINUTE = 60_000;
/** How far back a first sweep looks. */
const FIRST_LOOKBACK_MINUTES = 7 * 24 * 60;
/** Reminders in flight at once; their decisions and outbox rows share batched commands. */
const PARALLEL_REMINDERS = 32;

const bucketOf = (date: Date) => Math.floor(date.getTime() / MINUTE);

/**
 * Per minute still swept, the tasks this process found settled (reminded,
 * or done or reminded before): later sweeps of the same minute skip them.
 * The current minute is swept every second; without this, a minute holding
 * 1,000 tasks cost 4,000 reads a second after all were reminded (FerretDB
 * near half a core, customers' turns slower, until the minute passed).
 */
const settledTasks = new WeakMap<DueTaskLists, Map<number, Set<string>>>();

function settledMinutes(lists: DueTaskLists): Map<number, Set<string>> {
  let minutes = settledTasks.get(lists);
  if (!minutes) settledTasks.set(lists, (minutes = new Map()));
  return minutes;
}

function settledIn(lists: DueTaskLists, minute: number): Set<string> {
  const minutes = settledMinutes(lists);
  let settled = minutes.get(minute);
  if (!settled) minutes.set(minute, (settled = new Set()));
  return settled;
}

function forgetMinutesBefore(lists: DueTaskLists, cursor: number): void {
  const minutes = settledMinutes(lists);
  for (const minute of minutes.keys()) if (minute < cursor) minutes.delete(minute);
}

/**
 * Reminds every task that fell due since the last sweep, minute by minute.
 * A minute is left behind only once all its tasks are due; reminders are
 * once-only, so looking at a minute twice is harmless.
 */
export async function sweepDueTasks(ctx: HandoverContext): Promise<number> {
  const now = ctx.now();
  const from = (await ctx.dueTasks.sweptUntil()) ?? bucketOf(now) - FIRST_LOOKBACK_MINUTES;
  // where the next sweep starts: past every minute whose tasks were all due
  let cursor = bucketOf(now);
  let reminded = 0;
  for (const minute of await ctx.dueTasks.minutesWithTasks(from, bucketOf(now))) {
    const settled = settledIn(ctx.dueTasks, minute);
    const taskIds = (await ctx.dueTasks.tasksDueIn(minute)).filter((taskId) => !settled.has(taskId));
    const due = await Promise.all(taskIds.map((taskId) => ctx.tasks.find(taskId)));
    const dueNow = due.filter((task) => task && task.dueAt <= now).map((task) => task!.id);
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
  await ctx.dueTasks.setSweptUntil(cursor);
  forgetMinutesBefore(ctx.dueTasks, cursor);
  return reminded;
}
