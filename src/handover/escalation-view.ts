import { loadBot } from '../bots/load-bot.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { loadTasks } from '../tasks/task-state.js';
import type { Bot, Conversation, HandoverRecord, Message, Task } from '../types.js';

/** What an escalation post or card shows, on any platform. */
export interface EscalationView {
  bot: Bot;
  conversation: Conversation;
  handover: HandoverRecord | null;
  task: Task | null;
  transcript: Message[];
}

/** Where the escalation was posted, per platform. */
export interface EscalationPosts {
  /** handoverId: which handover the post is for, so a retried escalation never posts twice. */
  slack?: { channel: string; ts: string; handoverId?: string };
  teams?: { conversationId: string; activityId: string; serviceUrl: string; handoverId?: string };
}

/** Where each platform recorded its post of an escalation (see recordEscalationPost). */
export async function escalationPostsOf(ctx: HandoverContext, conversationId: string): Promise<EscalationPosts> {
  return (await ctx.escalationPosts.postsOf(conversationId)) as EscalationPosts;
}

/**
 * Remembers where an escalation was posted: `key` finds the conversation
 * from a reply in the post's thread; `main`: the escalation's own post, which
 * later updates edit. Recording it twice changes nothing.
 */
export async function recordEscalationPost<Platform extends keyof EscalationPosts>(
  ctx: HandoverContext,
  conversationId: string,
  platform: Platform,
  key: string,
  post: NonNullable<EscalationPosts[Platform]>,
  main = true,
): Promise<void> {
  await ctx.escalationPosts.record(conversationId, platform, key, post, main);
}

/** The conversation whose escalation post (or its thread) `key` names, if any. */
export function conversationOfPost(ctx: HandoverContext, key: string): Promise<string | null> {
  return ctx.escalationPosts.conversationOfPost(key);
}

/** The transcript lines an escalation post or card shows at most. */
export const ESCALATION_LINES = 8;

/** Everything an escalation post shows, read fresh so an update shows the current state. */
export async function loadEscalationView(ctx: HandoverContext, conversationId: string): Promise<EscalationView & { posts: EscalationPosts }> {
  const stored = await ctx.conversations.find(conversationId);
  if (!stored) throw new NotFoundError(`conversation "${conversationId}"`);
  const conversation = plainConversation(stored);
  const [bot, posts] = await Promise.all([loadBot(ctx, conversation.botId), ctx.escalationPosts.postsOf(conversationId)]);
  const record = stored.handovers.at(-1) ?? null;
  const [task] = record?.taskId ? await loadTasks(ctx, [record.taskId], conversation.assignee) : [];
  return {
    bot,
    conversation,
    handover: record ? { ...record, conversationId, botId: conversation.botId } : null,
    task: task ?? null,
    transcript: await ctx.conversations.readTranscriptTail(stored, ESCALATION_LINES),
    posts: posts as EscalationPosts,
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
