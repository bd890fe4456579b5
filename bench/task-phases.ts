import { MongoClient, type Db } from 'mongodb';
import { agendaTaskScheduler, createAgenda, TASK_DUE_JOB } from '../jobs/agenda-scheduler.js';
import { percentile } from './load.js';

/** 1,000 follow-up tasks due at the same moment: how late does the service remind them? */
export async function taskFireLateness(uri: string, count: number): Promise<{ p50: number; p99: number; fired: number }> {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const dueAt = new Date(Date.now() + 8_000);
    const ids = Array.from({ length: count }, (_, i) => `tk_bench_${i}_${Date.now()}`);
    await db.collection('tasks').insertMany(
      ids.map((_id) => ({ _id: _id as never, conversationId: 'cv_bench', botId: 'demo', note: 'bench', dueAt, status: 'open', assignee: null, remindedAt: null })),
    );
    // Scheduled the way the service schedules them (an Agenda that is never started here).
    const scheduler = agendaTaskScheduler(createAgenda(db, { processEvery: 60_000, name: 'bench-scheduler' }));
    for (const id of ids) await scheduler.scheduleTaskDue(id, dueAt);
    const deadline = dueAt.getTime() + 120_000;
    let reminded: Array<{ remindedAt: Date | null }> = [];
    while (Date.now() < deadline) {
      reminded = await db.collection('tasks').find({ _id: { $in: ids as never[] }, remindedAt: { $ne: null } }, { projection: { remindedAt: 1 } }).toArray() as never;
      if (reminded.length === count) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const lateness = reminded.map((task) => (task.remindedAt!.getTime() - dueAt.getTime()) / 1000).sort((a, b) => a - b);
    // tasks never reminded count as late as the wait itself
    while (lateness.length < count) lateness.push((deadline - dueAt.getTime()) / 1000);
    return { p50: percentile(lateness, 0.5), p99: percentile(lateness, 0.99), fired: reminded.length };
  } finally {
    await client.close();
  }
}

/** Fills Agenda with pending task reminders due tomorrow, shaped as Agenda stores them. */
export async function addPendingTaskJobs(uri: string, count: number): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const db: Db = client.db();
    const jobs = db.collection('agendaJobs');
    const template = await jobs.findOne({ name: TASK_DUE_JOB });
    const { _id, ...shape } = template ?? { _id: null, name: TASK_DUE_JOB, type: 'normal', priority: 0 };
    const nextRunAt = new Date(Date.now() + 24 * 3600_000);
    for (let start = 0; start < count; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => ({
        ...shape,
        data: { taskId: `tk_pending_${start + i}` },
        nextRunAt,
        lockedAt: null,
        lastRunAt: null,
        lastFinishedAt: null,
      }));
      await jobs.insertMany(batch);
    }
  } finally {
    await client.close();
  }
}
