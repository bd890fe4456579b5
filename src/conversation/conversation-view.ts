import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { loadTasks } from '../tasks/task-state.js';
import type { Conversation } from '../types.js';

/** The whole conversation as its customer (and support tools) see it. */
export async function conversationView(ctx: HandoverContext, conversation: Conversation) {
  const doc = await ctx.conversations.find(conversation.id);
  if (!doc) throw new NotFoundError(`conversation "${conversation.id}"`);
  const tasks = await loadTasks(ctx, doc.taskIds, conversation.assignee);
  return {
    id: conversation.id,
    botId: conversation.botId,
    status: conversation.status,
    paused: conversation.paused,
    tags: conversation.tags,
    assignee: conversation.assignee,
    messages: (await ctx.conversations.readTranscript(doc)).map(({ id, from, text, at, author }) => ({ id, from, text, at, author })),
    tasks: tasks.map(({ id, note, dueAt, status, assignee }) => ({ id, note, dueAt, status, assignee })),
    handovers: doc.handovers.map(({ trigger, rule, reason, at }) => ({ trigger, rule, reason, at })),
  };
}
