import { MongoClient, type Db } from 'mongodb';
import { percentile } from './load.js';

const MINUTE = 60_000;

async function addTasks(db: Db, ids: string[], dueAt: (index: number) => Date): Promise<void> {
  const byMinute = new Map<number, string[]>();
  for (let start = 0; start < ids.length; start += 1_000) {
    const batch = ids.slice(start, start + 1_000).map((id, i) => ({
      _id: id as never,
      conversationId: 'cv_bench',
      botId: 'demo',
      note: 'bench follow-up',
      dueAt: dueAt(start + i),
      status: 'open',
      assignee: null,
    }));
    await db.collection('tasks').insertMany(batch);
    for (const task of batch) {
      const minute = Math.floor(task.dueAt.getTime() / MINUTE);
      byMinute.set(minute, [...(byMinute.get(minute) ?? []), task._id as string]);
    }
  }
  // the same documents the service's scheduler writes: a list per minute, the minutes per day
  const byDay = new Map<number, string[]>();
  for (const [minute, taskIds] of byMinute) {
    await db.collection('dueTasks').updateOne({ _id: `due:${minute}` as never }, { $addToSet: { taskIds: { $each: taskIds } } }, { upsert: true });
    const day = Math.floor(minute / 1440);
    byDay.set(day, [...(byDay.get(day) ?? []), String(minute)]);
  }
  for (const [day, minutes] of byDay) {
    await db.collection('dueTasks').updateOne({ _id: `day:${day}` as never }, { $addToSet: { taskIds: { $each: minutes } } }, { upsert: true });
  }
}

/** 1,000 follow-up tasks due at the same moment: how late does the service remind them? */
export async function taskFireLateness(uri: string, count: number): Promise<{ p50: number; p99: number; fired: number }> {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const dueAt = new Date(Date.now() + 5_000);
    const ids = Array.from({ length: count }, (_, i) => `tk_bench_${Date.now()}_${i}`);
    await addTasks(db, ids, () => dueAt);
    const deadline = dueAt.getTime() + 120_000;
    const reminded = new Map<string, Date>();
    while (Date.now() < deadline && reminded.size < count) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const id of ids) {
        if (reminded.has(id)) continue;
        const decision = await db.collection('decisions').findOne({ _id: `task-due:${id}` as never });
        if (decision) reminded.set(id, decision.at as Date);
      }
    }
    const lateness = [...reminded.values()].map((at) => (at.getTime() - dueAt.getTime()) / 1000).sort((a, b) => a - b);
    // tasks never reminded count as late as the whole wait
    while (lateness.length < count) lateness.push((deadline - dueAt.getTime()) / 1000);
    return { p50: percentile(lateness, 0.5), p99: percentile(lateness, 0.99), fired: reminded.size };
  } finally {
    await client.close();
  }
}

/** Pending follow-up tasks due tomorrow, spread over the day, as the service stores them. */
export async function addPendingTasks(uri: string, count: number): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const tomorrow = Date.now() + 24 * 3600_000;
    const ids = Array.from({ length: count }, (_, i) => `tk_pending_${i}`);
    await addTasks(client.db(), ids, (i) => new Date(tomorrow + (i % 1440) * MINUTE));
  } finally {
    await client.close();
  }
}

/** Waits (up to two minutes) until the service has no notification left to send. */
export async function outboxDrained(uri: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (await client.db().collection('outbox').countDocuments({ state: 'pending' })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.close();
  }
}
