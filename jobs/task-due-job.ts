import type { Agenda } from 'agenda';
import type { HandoverContext } from '../src/handover-context.js';
import { fireTaskDue } from '../src/tasks/fire-task-due.js';
import { TASK_DUE_JOB } from './agenda-scheduler.js';

/** When a follow-up task falls due: remind the assignee and mark it overdue (idempotent in the domain). */
export function defineTaskDueJob(agenda: Agenda, ctx: HandoverContext): void {
  agenda.define<{ taskId: string }>(
    TASK_DUE_JOB,
    async (job) => {
      await fireTaskDue(ctx, job.attrs.data.taskId);
    },
    { concurrency: 10 },
  );
}
