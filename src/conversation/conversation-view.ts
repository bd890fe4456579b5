import type { HandoverContext } from '../handover-context.js';
import { toHandoverRecord, toMessage, toTask } from '../storage/to-domain.js';
import type { Conversation } from '../types.js';

/** The whole conversation as its customer (and support tools) see it. */
export async function conversationView(ctx: HandoverContext, conversation: Conversation) {
  const [messages, tasks, handovers] = await Promise.all([
    ctx.store.messages.find({ conversationId: conversation.id }).sort({ _id: 1 }).lean(),
    ctx.store.tasks.find({ conversationId: conversation.id }).sort({ dueAt: 1 }).lean(),
    ctx.store.handovers.find({ conversationId: conversation.id }).sort({ at: 1 }).lean(),
  ]);
  return {
    id: conversation.id,
    botId: conversation.botId,
    status: conversation.status,
    paused: conversation.paused,
    tags: conversation.tags,
    assignee: conversation.assignee,
    messages: messages.map(toMessage).map(({ id, from, text, at, author }) => ({ id, from, text, at, author })),
    tasks: tasks.map(toTask).map(({ id, note, dueAt, status, assignee }) => ({ id, note, dueAt, status, assignee })),
    handovers: handovers.map(toHandoverRecord).map(({ trigger, rule, reason, at }) => ({ trigger, rule, reason, at })),
  };
}
