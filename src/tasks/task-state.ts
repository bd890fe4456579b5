import type { HandoverContext } from '../handover-context.js';
import type { StoredTask } from '../ports/task-repository.js';
import type { Person, Task } from '../types.js';

/**
 * A task is written once. What happens to it later is recorded as
 * once-only decisions (`task-due:<id>` when reminded, `task-done:<id>` when
 * its conversation is resolved), and a task nobody was named for belongs to
 * whoever holds the conversation. A decision settles a race on any number
 * of replicas.
 */
export async function taskState(ctx: Pick<HandoverContext, 'decisions'>, stored: StoredTask, holder: Person | null): Promise<Task> {
  const [done, due] = await Promise.all([ctx.decisions.isDecided(`task-done:${stored.id}`), ctx.decisions.isDecided(`task-due:${stored.id}`)]);
  return taskWithStatus(stored, holder, done ? 'done' : due ? 'overdue' : 'open');
}

/** A task as shown: with its status, and the conversation's holder when nobody was named for it. */
export function taskWithStatus(stored: StoredTask, holder: Person | null, status: Task['status']): Task {
  return { ...stored, status, assignee: stored.assignee ?? holder };
}

export async function loadTasks(ctx: Pick<HandoverContext, 'decisions' | 'tasks'>, taskIds: string[], holder: Person | null): Promise<Task[]> {
  const stored = await Promise.all(taskIds.map((taskId) => ctx.tasks.find(taskId)));
  return Promise.all(stored.filter((task) => task !== null).map((task) => taskState(ctx, task, holder)));
}
