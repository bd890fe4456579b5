import type { HandoverContext } from '../handover-context.js';
import { decideOnce } from '../storage/decide-once.js';
import { toConversation, toStaffMember, toTask } from '../storage/to-domain.js';

/**
 * A follow-up task's due time came: if still open, mark it overdue and
 * remind its assignee. The once-only decision makes a second run (a retried
 * job, another replica) a no-op.
 */
export async function fireTaskDue(ctx: HandoverContext, taskId: string): Promise<'reminded' | 'not-open'> {
  const decision = await decideOnce(ctx.store, `task-due:${taskId}`);
  if (!decision.won) return 'not-open';
  const open = await ctx.store.tasks.findById(taskId).lean();
  if (open?.status !== 'open') return 'not-open';
  const doc = await ctx.store.tasks
    .findOneAndUpdate({ _id: taskId }, { $set: { status: 'overdue', remindedAt: ctx.now() } }, { returnDocument: 'after' })
    .lean();
  if (!doc) return 'not-open';
  const task = toTask(doc);
  const [conversation, staff] = await Promise.all([
    ctx.store.conversations.findById(task.conversationId).lean(),
    task.assignee ? ctx.store.staff.findById(task.assignee.id).lean() : null,
  ]);
  ctx.log.info({ taskId, conversationId: task.conversationId, assignee: task.assignee?.id ?? null }, 'task overdue');
  await ctx.notifier.taskDue({
    task,
    conversation: conversation ? toConversation(conversation) : null,
    staff: staff ? toStaffMember(staff) : null,
  });
  return 'reminded';
}
