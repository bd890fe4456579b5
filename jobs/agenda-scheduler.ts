import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import type { TaskScheduler } from '../src/ports/task-scheduler.js';

export const TASK_DUE_JOB = 'task-due';

/**
 * Agenda on our own database connection. It polls (FerretDB has no change
 * streams) and locks each job to one replica.
 */
export function createAgenda(db: Db, options: { processEvery: number; name: string }): Agenda {
  return new Agenda({
    backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
    name: options.name,
    processEvery: options.processEvery,
    defaultLockLifetime: 5 * 60_000,
    maxConcurrency: 20,
  });
}

/** Task reminders as Agenda jobs: one job per task, so rescheduling never doubles it. */
export function agendaTaskScheduler(agenda: Agenda): TaskScheduler {
  return {
    async scheduleTaskDue(taskId, dueAt) {
      await agenda
        .create(TASK_DUE_JOB, { taskId })
        .unique({ name: TASK_DUE_JOB, 'data.taskId': taskId })
        .schedule(dueAt)
        .save();
    },
  };
}
