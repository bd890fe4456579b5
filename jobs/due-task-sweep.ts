import type { HandoverContext } from '../src/handover-context.js';
import type { DueTaskLists } from '../src/ports/task-repository.js';
import type { TaskScheduler } from '../src/ports/task-scheduler.js';
import { fireTaskDue } from '../src/tasks/fire-task-due.js';

const MINUTE = 60_000;
/** How far back a first sweep looks. */
const FIRST_LOOKBACK_MINUTES = 7 * 24 * 60;
/** Reminders in flight at once; their decisions and outbox rows share batched commands. */
const PARALLEL_REMINDERS = 32;

const bucketOf = (date: Date) => Math.floor(date.getTime() / MINUTE);

/**
 * Follow-up task reminders are the scheduler's business: a task due is put
 * on its minute's list (DueTaskLists, kept by the storage adapter so that
 * 100,000 pending tasks cost nothing until due) and one recurring job sweeps
 * the lists (task-reminders-job.ts), where one job per task made every poll
 * scan all pending jobs on the embedded database.
 */
export function dueTaskScheduler(lists: DueTaskLists): Pick<TaskScheduler, 'scheduleTaskDue'> {
  return { scheduleTaskDue: (taskId, dueAt) => lists.add(taskId, dueAt) };
}

/**
 * Per minute still swept, the tasks this process found settled (reminded,
 * or done or reminded before): later sweeps of the same minute skip them.
 * The current minute is swept every second; without this, a full minute's
 * tasks were read again on every sweep after all were reminded, slowing
 * customers' turns until the minute passed.
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
export async function sweepDueTasks(ctx: HandoverContext, lists: DueTaskLists): Promise<number> {
  const now = ctx.now();
  const from = (await lists.sweptUntil()) ?? bucketOf(now) - FIRST_LOOKBACK_MINUTES;
  // where the next sweep starts: past every minute whose tasks were all due
  let cursor = bucketOf(now);
  let reminded = 0;
  for (const minute of await lists.minutesWithTasks(from, bucketOf(now))) {
    const settled = settledIn(lists, minute);
    const taskIds = (await lists.tasksDueIn(minute)).filter((taskId) => !settled.has(taskId));
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
  await lists.setSweptUntil(cursor);
  forgetMinutesBefore(lists, cursor);
  return reminded;
}
