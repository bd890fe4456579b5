import { loadBot } from '../src/bots/load-bot.js';
import type { HandoverContext } from '../src/handover-context.js';
import { toConversation } from '../src/storage/to-domain.js';
import { readTranscriptTail } from '../src/storage/transcript.js';
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
  /** handoverId: which handover the post is for, so a retried escalation never posts twice. */
  slack?: { channel: string; ts: string; handoverId?: string };
  teams?: { conversationId: string; activityId: string; serviceUrl: string; handoverId?: string };
}

/** The transcript lines an escalation post or card shows at most. */
export const ESCALATION_LINES = 8;

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
    transcript: await readTranscriptTail(ctx.store, doc, ESCALATION_LINES),
    posts: (doc.channelRefs ?? {}) as EscalationPosts,
  };
}

const TRIGGER_LABEL: Record<string, string> = {
  contact_request: 'Asked for a person',
  lack_of_information: 'The bot had no answer',
  failed_resolution: 'The bot failed to help',
  sensitive_topic: 'Sensitive topic',
};

/** The escalation's headline: why the conversation came to the team. */
export function triggerLabel(handover: HandoverRecord | null): string {
  return handover ? TRIGGER_LABEL[handover.trigger] ?? handover.trigger : 'Handover';
}

/** Where the conversation stands, in plain words (platforms escape it their way). */
export function escalationStatus(conversation: Conversation): string {
  switch (conversation.status) {
    case 'waiting':
      return 'Waiting for someone to claim it';
    case 'assigned':
      return `Claimed by ${conversation.assignee?.name ?? 'someone'}`;
    case 'resolved':
      return 'Resolved — the bot is back';
    default:
      return 'With the bot';
  }
}
