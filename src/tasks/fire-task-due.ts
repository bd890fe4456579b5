import type { HandoverContext } from '../handover-context.js';
import { decideOnce } from '../storage/decide-once.js';
import { toConversation, toStaffMember } from '../storage/to-domain.js';
import { taskWithStatus } from './task-state.js';

/**
 * A follow-up task's due time came: if still open, it becomes overdue and
 * its assignee is reminded. The reminder is queued before the task is
 * marked overdue, so a process dying in between loses nothing (the next
 * sweep queues it again); the outbox sends a task's reminder once however
 * often it is queued, and the once-only decision makes later runs no-ops.
 */
export async function fireTaskDue(ctx: HandoverContext, taskId: string): Promise<'reminded' | 'not-open' | 'not-written'> {
  const doc = await ctx.store.tasks.findById(taskId).lean();
  // listed before its task was written (they are written side by side), or never written: a later sweep looks again
  if (!doc) return 'not-written';
  // by _id, one each: FerretDB would scan the whole decisions collection for an $in
  const settled = await Promise.all([`task-done:${taskId}`, `task-due:${taskId}`].map((_id) => ctx.store.decisions.exists({ _id })));
  if (settled.some(Boolean)) return 'not-open';
  const conversationDoc = await ctx.store.conversations.findById(doc.conversationId).lean();
  const conversation = conversationDoc ? toConversation(conversationDoc) : null;
  // open until now (neither decision exists), so no second look at the decisions
  const task = taskWithStatus(doc, conversation?.assignee ?? null, 'overdue');
  const staffDoc = task.assignee ? await ctx.store.staff.findById(task.assignee.id).lean() : null;
  await ctx.notifier.taskDue({ task, conversation, staff: staffDoc ? toStaffMember(staffDoc) : null });
  if (!(await decideOnce(ctx.store, `task-due:${taskId}`)).won) return 'not-open';
  ctx.log.info({ taskId, conversationId: task.conversationId, assignee: task.assignee?.id ?? null }, 'task overdue');
  ctx.metrics.taskReminded({ latenessMs: ctx.now().getTime() - new Date(doc.dueAt).getTime() });
  return 'reminded';
}
