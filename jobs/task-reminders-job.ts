import type { Agenda } from 'agenda';
import { SWEEP_LOCK_MS } from './agenda-scheduler.js';
import type { HandoverContext } from '../src/handover-context.js';
import type { DueTaskLists } from '../src/ports/task-repository.js';
import { sweepDueTasks } from './due-task-sweep.js';

export const TASK_REMINDERS_JOB = 'task-reminders';

/**
 * One recurring Agenda job sweeps the follow-up tasks that fell due; Agenda
 * locks it to one replica at a time. (One Agenda job per task made every
 * poll scan all pending jobs on FerretDB: reminders due together went out
 * late, and many pending tasks slowed customers' turns; bench/RESULTS.md.)
 */
export async function scheduleTaskReminders(agenda: Agenda, ctx: HandoverContext, lists: DueTaskLists, intervalMs: number): Promise<void> {
  agenda.define(
    TASK_REMINDERS_JOB,
    async () => {
      const reminded = await sweepDueTasks(ctx, lists);
      if (reminded > 0) ctx.log.info({ reminded }, 'task reminders sent');
    },
    { concurrency: 1, lockLifetime: SWEEP_LOCK_MS },
  );
  await agenda.every(intervalMs, TASK_REMINDERS_JOB);
}
