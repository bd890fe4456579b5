import type { HandoverContext } from '../handover-context.js';
import { decideOnce } from '../storage/decide-once.js';
import { toConversation, toStaffMember } from '../storage/to-domain.js';
import { taskState } from './task-state.js';

/**
 * A follow-up task's due time came: if still open, it becomes overdue and
 * its assignee is reminded. The once-only decision makes a second run (a
 * retried sweep, another replica) a no-op.
 */
export async function fireTaskDue(ctx: HandoverContext, taskId: string): Promise<'reminded' | 'not-open'> {
  const doc = await ctx.store.tasks.findById(taskId).lean();
  if (!doc || (await ctx.store.decisions.exists({ _id: `task-done:${taskId}` }))) return 'not-open';
  if (!(await decideOnce(ctx.store, `task-due:${taskId}`)).won) return 'not-open';
  const conversationDoc = await ctx.store.conversations.findById(doc.conversationId).lean();
  const conversation = conversationDoc ? toConversation(conversationDoc) : null;
  const task = await taskState(ctx, doc, conversation?.assignee ?? null);
  const staffDoc = task.assignee ? await ctx.store.staff.findById(task.assignee.id).lean() : null;
  ctx.log.info({ taskId, conversationId: task.conversationId, assignee: task.assignee?.id ?? null }, 'task overdue');
  await ctx.notifier.taskDue({ task, conversation, staff: staffDoc ? toStaffMember(staffDoc) : null });
  return 'reminded';
}
