import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { loadBot } from '../../src/bots/load-bot.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { DeliveryAttempt, EscalationNotifier, NotificationKind } from '../../src/ports/escalation-notifier.js';
import { escalationBlocks, escalationSummary } from './escalation-blocks.js';
import { escalationPostsOf, loadEscalationView, recordEscalationPost, type EscalationPosts, type EscalationView } from '../../src/handover/escalation-view.js';
import { clip, escapeMrkdwn, oneLine, quotedPlainText } from './escape-mrkdwn.js';
import { slackDeliveryFailure } from './slack-delivery-failure.js';
import { commandAnswerMrkdwn } from './command-answer-mrkdwn.js';
import { CUSTOMER_RELAY_LABEL, conversationAssignedText, taskAssignedText, taskDueText, unclaimedText } from '../../src/notify/notification-texts.js';

type SlackPost = NonNullable<EscalationPosts['slack']>;

/** Marks our escalation posts (Slack message metadata) so a retry can find a post whose answer it never saw. */
const ESCALATION_EVENT = 'handover_escalation';
/** Marks thread posts and direct messages with their outbox delivery id, for the same reason. */
const DELIVERY_EVENT = 'handover_delivery';

/** Slack as an outbox target: what it takes, and how it delivers. */
/** The Web API client that speaks for a bot's workspace (one token, or the installation of the bot's team). */
export type SlackClientForBot = (botId: string) => Promise<WebClient>;

export function slackOutboxTarget(ctx: HandoverContext, clientFor: SlackClientForBot): OutboxTarget {
  const botHasChannel = async (botId: string) => (await loadBot(ctx, botId)).slackChannel !== null;
  return {
    name: 'slack',
    notifier: createSlackNotifier(ctx, clientFor),
    async accepts(kind: NotificationKind, event: any) {
      switch (kind) {
        case 'escalated':
          return event.rule.notify.slack && event.bot.slackChannel !== null;
        case 'assigned':
          return Boolean(event.staff.slackUserId);
        case 'taskDue':
          return Boolean(event.staff?.slackUserId) || botHasChannel(event.task.botId);
        case 'unclaimed':
          return event.backupSlackChannel !== null || botHasChannel(event.conversation.botId);
        default:
          return botHasChannel(event.conversation.botId);
      }
    },
  };
}

/**
 * Tells the team in Slack: escalation posts, thread relays, post updates,
 * direct messages. Every failed call throws a DeliveryFailure for the outbox.
 */
export function createSlackNotifier(ctx: HandoverContext, clientFor: SlackClientForBot): EscalationNotifier {
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw slackDeliveryFailure(error, what);
    }
  };

  const postOf = async (conversationId: string): Promise<SlackPost | null> => {
    return (await escalationPostsOf(ctx, conversationId)).slack ?? null;
  };

  const postEscalation = async (client: WebClient, channel: string, view: EscalationView, handoverId: string): Promise<SlackPost> => {
    const posted = await call('escalation post', () =>
      client.chat.postMessage({
        channel,
        text: escalationSummary(view),
        // the summary carries no formatting of ours, so none is parsed in it (it names the customer)
        mrkdwn: false,
        blocks: escalationBlocks(view),
        metadata: { event_type: ESCALATION_EVENT, event_payload: { handover_id: handoverId, conversation_id: view.conversation.id } },
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    return { channel: posted.channel ?? channel, ts: posted.ts!, handoverId };
  };

  /**
   * A post an earlier try made but never heard back about (a timeout),
   * found by the metadata it was tagged with: in the channel, or in a thread.
   */
  const earlierPost = async (
    client: WebClient,
    where: { channel: string; thread_ts?: string },
    tag: { eventType: string; field: string; value: string },
    since: Date,
  ): Promise<string | null> => {
    try {
      const page = { channel: where.channel, oldest: String(Math.floor(since.getTime() / 1000) - 60), include_all_metadata: true, limit: 200 };
      const found = where.thread_ts ? await client.conversations.replies({ ...page, ts: where.thread_ts }) : await client.conversations.history(page);
      const message = (found.messages ?? []).find(
        (candidate) => candidate.metadata?.event_type === tag.eventType && (candidate.metadata.event_payload as Record<string, unknown> | undefined)?.[tag.field] === tag.value,
      );
      return message?.ts ?? null;
    } catch {
      // no history scope (a DM), or Slack still down: posting again is the lesser harm than never posting
      return null;
    }
  };

  /**
   * A thread post or direct message that a retry must not repeat: tagged
   * with its delivery id, and looked for before a retry posts again (its
   * first try may have reached Slack and died before hearing back).
   */
  const postOnce = async (
    client: WebClient,
    what: string,
    message: { channel: string; thread_ts?: string; text: string; reply_broadcast?: boolean; mrkdwn?: boolean; blocks?: KnownBlock[] },
    attempt?: DeliveryAttempt,
  ) => {
    const key = attempt?.deliveryId;
    if (key && attempt.attempt > 0 && (await earlierPost(client, message, { eventType: DELIVERY_EVENT, field: 'delivery_id', value: key }, attempt.queuedAt))) return;
    await call(what, () =>
      // (the Web API's argument types are a union Slack's own shape does not narrow to)
      client.chat.postMessage({
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        ...(key ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery_id: key } } } : {}),
      } as Parameters<WebClient['chat']['postMessage']>[0]),
    );
  };

  const remember = async (conversationId: string, post: SlackPost, main: boolean) => {
    await recordEscalationPost(ctx, conversationId, 'slack', `slack:${post.channel}:${post.ts}`, post, main);
  };

  return {
    async escalated(event, attempt?: DeliveryAttempt) {
      const { bot, rule, conversation, handover } = event;
      if (!rule.notify.slack || !bot.slackChannel) return;
      const channel = bot.slackChannel;
      // a first try has nothing to find: an interrupted try is retried as the next attempt
      if (attempt?.attempt !== 0 && (await postOf(conversation.id))?.handoverId === handover.id) return;
      const client = await clientFor(bot.id);
      const retry = attempt !== undefined && attempt.attempt > 0;
      const earlierTs = retry ? await earlierPost(client, { channel }, { eventType: ESCALATION_EVENT, field: 'handover_id', value: handover.id }, attempt.queuedAt) : null;
      let post: SlackPost | null = earlierTs ? { channel, ts: earlierTs, handoverId: handover.id } : null;
      // A retry shows the conversation as it is now (it may have been claimed meanwhile).
      post ??= await postEscalation(client, channel, retry ? await loadEscalationView(ctx, conversation.id) : event, handover.id);
      await remember(conversation.id, post, true);
    },

    async customerMessage({ conversation, message }, attempt) {
      const post = await postOf(conversation.id);
      if (!post) return;
      await postOnce(await clientFor(conversation.botId), 'thread relay', { channel: post.channel, thread_ts: post.ts, ...customerRelay(message.text) }, attempt);
    },

    async conversationChanged({ conversation }) {
      const view = await loadEscalationView(ctx, conversation.id);
      const post = view.posts.slack;
      if (!post) return;
      const client = await clientFor(conversation.botId);
      await call('post update', () => client.chat.update({ channel: post.channel, ts: post.ts, text: escalationSummary(view), blocks: escalationBlocks(view) }));
    },

    async assigned({ staff, conversation, task, kind }, attempt) {
      const wants = kind === 'conversation' ? staff.notifyOnConversationAssigned : staff.notifyOnTaskAssigned;
      if (!wants || !staff.slackUserId) return;
      const text = commandAnswerMrkdwn(kind === 'conversation' ? conversationAssignedText(conversation.id) : taskAssignedText(task?.note ?? '', conversation.id));
      await postOnce(await clientFor(conversation.botId), 'assignment message', { channel: staff.slackUserId, text }, attempt);
    },

    async taskDue({ task, staff }, attempt) {
      const text = commandAnswerMrkdwn(taskDueText(task.note, task.conversationId));
      const client = await clientFor(task.botId);
      if (staff?.slackUserId) {
        await postOnce(client, 'task reminder', { channel: staff.slackUserId, text }, attempt);
        return;
      }
      const post = await postOf(task.conversationId);
      if (post) await postOnce(client, 'task reminder', { channel: post.channel, thread_ts: post.ts, text }, attempt);
    },

    async unclaimed({ conversation, stage, minutesWaiting, backupSlackChannel }, attempt) {
      if (stage === 'backup' && backupSlackChannel) {
        const view = await loadEscalationView(ctx, conversation.id);
        const post = await postEscalation(await clientFor(conversation.botId), backupSlackChannel, view, view.handover?.id ?? 'backup');
        await remember(conversation.id, post, false);
        return;
      }
      const post = await postOf(conversation.id);
      if (!post) return;
      await postOnce(
        await clientFor(conversation.botId),
        'unclaimed reminder',
        { channel: post.channel, thread_ts: post.ts, reply_broadcast: true, text: `<!here> ${commandAnswerMrkdwn(unclaimedText(minutesWaiting))}` },
        attempt,
      );
    },
  };
}

/**
 * A customer's message in the escalation thread: under our label, quoted
 * line by line in plain text (see quotedPlainText), so nothing the customer
 * types can look like a line of ours. The fallback text (notifications,
 * clients without blocks) is one line with markup parsing off.
 */
export function customerRelay(text: string): { text: string; mrkdwn: false; blocks: KnownBlock[] } {
  return {
    text: clip(`${CUSTOMER_RELAY_LABEL} ${escapeMrkdwn(oneLine(text))}`),
    mrkdwn: false,
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `:speech_balloon: *${CUSTOMER_RELAY_LABEL}*` }] },
      ...quotedPlainText(text).map((piece): KnownBlock => ({ type: 'section', text: { type: 'plain_text', emoji: false, text: piece } })),
    ],
  };
}
