import type { HandoverContext } from '../handover-context.js';
import { insertBatched } from '../storage/batched-writes.js';
import { newId } from '../storage/new-id.js';
import type { Person, Task } from '../types.js';

type FollowUpFields = { conversationId: string; botId: string; note: string; dueAt: Date; assignee: Person | null };

/** A new follow-up task, not yet stored: its id can be linked while it is written (saveFollowUpTask). */
export function newFollowUpTask(fields: FollowUpFields): Task {
  return { id: newId('tk'), status: 'open', ...fields };
}

/** Writes a task once and puts it on the reminder sweep's list. */
export async function saveFollowUpTask(ctx: HandoverContext, task: Task): Promise<void> {
  const { id, ...stored } = task;
  const now = ctx.now();
  // side by side: the reminder sweep skips an id whose task was never written (a duplicate: this very task, written by an earlier try)
  await Promise.all([insertBatched(ctx.store.tasks, { _id: id, ...stored, createdAt: now, updatedAt: now }), ctx.scheduler.scheduleTaskDue(task.id, task.dueAt)]);
}

/** A follow-up task, written once and put on the reminder sweep's list (the caller links it to the conversation). */
export async function createFollowUpTask(ctx: HandoverContext, fields: FollowUpFields): Promise<Task> {
  const task = newFollowUpTask(fields);
  await saveFollowUpTask(ctx, task);
  return task;
}
