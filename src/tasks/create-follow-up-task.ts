import type { HandoverContext } from '../handover-context.js';
import { newId } from '../storage/new-id.js';
import type { Person, Task } from '../types.js';

/** A follow-up task, written once and put on the reminder sweep's list (the caller links it to the conversation). */
export async function createFollowUpTask(
  ctx: HandoverContext,
  fields: { conversationId: string; botId: string; note: string; dueAt: Date; assignee: Person | null },
): Promise<Task> {
  const task: Task = { id: newId('tk'), status: 'open', ...fields };
  const { id, ...stored } = task;
  // side by side: the reminder sweep skips an id whose task was never written
  await Promise.all([ctx.store.tasks.create({ _id: id, ...stored }), ctx.scheduler.scheduleTaskDue(task.id, task.dueAt)]);
  return task;
}
