import type { HandoverContext } from '../handover-context.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { taskWithStatus } from './task-state.js';

/**
 * A follow-up task's due time came: if still open, it becomes overdue and
 * its assignee is reminded. The reminder is queued before the task is
 * marked overdue, so a process dying in between loses nothing (the next
 * sweep queues it again); the outbox sends a task's reminder once however
 * often it is queued, and the once-only decision makes later runs no-ops.
 */
export async function fireTaskDue(ctx: HandoverContext, taskId: string): Promise<'reminded' | 'not-open' | 'not-written'> {
  const doc = await ctx.tasks.find(taskId);
  // listed before its task was written (they are written side by side), or never written: a later sweep looks again
  if (!doc) return 'not-written';
  const settled = await Promise.all([`task-done:${taskId}`, `task-due:${taskId}`].map((key) => ctx.decisions.isDecided(key)));
  if (settled.some(Boolean)) return 'not-open';
  const stored = await ctx.conversations.find(doc.conversationId);
  const conversation = stored ? plainConversation(stored) : null;
  // open until now (neither decision exists), so no second look at the decisions
  const task = taskWithStatus(doc, conversation?.assignee ?? null, 'overdue');
  const staff = task.assignee ? await ctx.staff.find(task.assignee.id) : null;
  await ctx.notifier.taskDue({ task, conversation, staff });
  if (!(await ctx.decisions.decideOnce(`task-due:${taskId}`)).won) return 'not-open';
  ctx.log.info({ taskId, conversationId: task.conversationId, assignee: task.assignee?.id ?? null }, 'task overdue');
  ctx.metrics.taskReminded({ latenessMs: ctx.now().getTime() - new Date(doc.dueAt).getTime() });
  return 'reminded';
}
