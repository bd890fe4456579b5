import type { HandoverContext } from '../handover-context.js';
import { loadTasks } from '../tasks/task-state.js';
import type { Conversation, Task } from '../types.js';

/** A staff member's open conversations (at most `limit`) and their follow-up tasks not done, soonest due first. */
export async function openConversationsOf(ctx: HandoverContext, staff: { id: string; name: string }, limit: number): Promise<{ conversations: Conversation[]; tasks: Task[] }> {
  const stored = await ctx.conversations.assignedTo(staff.id, limit);
  const person = { id: staff.id, name: staff.name };
  const tasks = (await Promise.all(stored.map((conversation) => loadTasks(ctx, conversation.taskIds, person))))
    .flat()
    .filter((task) => task.status !== 'done')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const conversations = stored.map(({ taskIds: _t, handovers: _h, transcript: _p, ...conversation }) => conversation);
  return { conversations, tasks };
}
