import type { HandoverContext } from '../handover-context.js';
import type { TaskDocument } from '../storage/handover-store.js';
import { toTask } from '../storage/to-domain.js';
import type { Person, Task } from '../types.js';

/**
 * A task document is written once. What happens to it later is recorded as
 * once-only decisions (`task-due:<id>` when reminded, `task-done:<id>` when
 * its conversation is resolved), and a task nobody was named for belongs to
 * whoever holds the conversation. A decision is a unique insert, so it
 * settles a race on any number of replicas (FerretDB's conditional updates
 * do not).
 */
export async function taskState(ctx: HandoverContext, doc: TaskDocument, holder: Person | null): Promise<Task> {
  const [done, due] = await Promise.all([
    ctx.store.decisions.findById(`task-done:${doc._id}`).lean(),
    ctx.store.decisions.findById(`task-due:${doc._id}`).lean(),
  ]);
  return taskWithStatus(doc, holder, done ? 'done' : due ? 'overdue' : 'open');
}

/** A task as shown: with its status, and the conversation's holder when nobody was named for it. */
export function taskWithStatus(doc: TaskDocument, holder: Person | null, status: Task['status']): Task {
  const task = toTask(doc);
  return { ...task, status, assignee: task.assignee ?? holder };
}

export async function loadTasks(ctx: HandoverContext, taskIds: string[], holder: Person | null): Promise<Task[]> {
  const docs = await Promise.all(taskIds.map((taskId) => ctx.store.tasks.findById(taskId).lean()));
  return Promise.all(docs.filter((doc) => doc !== null).map((doc) => taskState(ctx, doc, holder)));
}
