import { loadBot } from '../src/bots/load-bot.js';
import type { HandoverContext } from '../src/handover-context.js';
import { toConversation, toTranscript } from '../src/storage/to-domain.js';
import { loadTasks } from '../src/tasks/task-state.js';
import type { Bot, Conversation, HandoverRecord, Message, Task } from '../src/types.js';

/** What an escalation post or card shows, on any platform. */
export interface EscalationView {
  bot: Bot;
  conversation: Conversation;
  handover: HandoverRecord | null;
  task: Task | null;
  transcript: Message[];
}

/** Where the escalation was posted, per platform (conversation.channelRefs). */
export interface EscalationPosts {
  slack?: { channel: string; ts: string };
  teams?: { conversationId: string; activityId: string; serviceUrl: string };
}

/** Everything an escalation post shows, read fresh (by _id) so an update shows the current state. */
export async function loadEscalationView(ctx: HandoverContext, conversationId: string): Promise<EscalationView & { posts: EscalationPosts }> {
  const doc = await ctx.store.conversations.findById(conversationId).lean();
  if (!doc) throw new Error(`conversation ${conversationId} not found`);
  const conversation = toConversation(doc);
  const bot = await loadBot(ctx, conversation.botId);
  const record = (doc.handovers ?? []).at(-1) ?? null;
  const [task] = record?.taskId ? await loadTasks(ctx, [record.taskId], conversation.assignee) : [];
  return {
    bot,
    conversation,
    handover: record ? { ...record, conversationId, botId: conversation.botId } : null,
    task: task ?? null,
    transcript: toTranscript(doc),
    posts: (doc.channelRefs ?? {}) as EscalationPosts,
  };
}
