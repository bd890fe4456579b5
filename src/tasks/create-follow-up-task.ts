import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { Person, Task } from '../types.js';

type FollowUpFields = { conversationId: string; botId: string; note: string; dueAt: Date; assignee: Person | null };

/** A new follow-up task, not yet stored: its id can be linked while it is written (saveFollowUpTask). */
export function newFollowUpTask(fields: FollowUpFields): Task {
  return { id: newId('tk'), status: 'open', ...fields };
}

/** Writes a task once and puts it on the reminder sweep's list. */
export async function saveFollowUpTask(ctx: HandoverContext, task: Task): Promise<void> {
  const { status: _status, ...stored } = task;
  // side by side: the reminder sweep skips an id whose task was never written
  await Promise.all([ctx.tasks.save(stored, ctx.now()), ctx.scheduler.scheduleTaskDue(task.id, task.dueAt)]);
}

/** A follow-up task, written once and put on the reminder sweep's list (the caller links it to the conversation). */
export async function createFollowUpTask(ctx: HandoverContext, fields: FollowUpFields): Promise<Task> {
  const task = newFollowUpTask(fields);
  await saveFollowUpTask(ctx, task);
  return task;
}
