import type { HandoverContext } from '../handover-context.js';
import type { TaskScheduler } from '../ports/task-scheduler.js';
import type { HandoverStore } from '../storage/handover-store.js';
import { fireTaskDue } from './fire-task-due.js';

const MINUTE = 60_000;
const CURSOR = 'task-reminders-cursor';
/** How far back a first sweep looks. */
const FIRST_LOOKBACK_MINUTES = 7 * 24 * 60;
const PARALLEL_REMINDERS = 8;

const bucketOf = (date: Date) => Math.floor(date.getTime() / MINUTE);

/** Schedules a task by adding it to its minute's list (read by _id when the minute comes). */
export function dueTaskScheduler(store: HandoverStore): TaskScheduler {
  return {
    async scheduleTaskDue(taskId, dueAt) {
      await store.dueTasks.updateOne({ _id: `due:${bucketOf(dueAt)}` }, { $addToSet: { taskIds: taskId } }, { upsert: true });
    },
  };
}

/**
 * Reminds every task that fell due since the last sweep, minute by minute.
 * A minute is left behind only once all its tasks are due; reminders are
 * once-only, so looking at a minute twice is harmless.
 */
export async function sweepDueTasks(ctx: HandoverContext): Promise<number> {
  const now = ctx.now();
  const setting = await ctx.store.settings.findById(CURSOR).lean();
  let minute = typeof setting?.value === 'number' ? setting.value : bucketOf(now) - FIRST_LOOKBACK_MINUTES;
  let reminded = 0;
  for (; minute <= bucketOf(now); minute += 1) {
    const bucket = await ctx.store.dueTasks.findById(`due:${minute}`).lean();
    const taskIds = bucket?.taskIds ?? [];
    const due = await Promise.all(taskIds.map((taskId) => ctx.store.tasks.findById(taskId).lean()));
    const dueNow = due.filter((task) => task && task.dueAt <= now).map((task) => task!._id);
    for (let i = 0; i < dueNow.length; i += PARALLEL_REMINDERS) {
      const outcomes = await Promise.all(dueNow.slice(i, i + PARALLEL_REMINDERS).map((taskId) => fireTaskDue(ctx, taskId)));
      reminded += outcomes.filter((outcome) => outcome === 'reminded').length;
    }
    if (dueNow.length < taskIds.length) break;
  }
  await ctx.store.settings.updateOne({ _id: CURSOR }, { $set: { value: minute } }, { upsert: true });
  return reminded;
}
