import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { HandoverContext } from '../../src/handover-context.js';
import type { EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import { isDuplicateKeyError } from '../../src/storage/handover-store.js';
import { updateConversation } from '../../src/storage/update-conversation.js';
import { escalationBlocks, escalationSummary } from './escalation-blocks.js';
import { loadEscalationView, type EscalationPosts } from '../escalation-view.js';
import { clip, escapeMrkdwn } from './escape-mrkdwn.js';

/** Tells the team in Slack: escalation posts, thread relays, post updates, direct messages. */
export function createSlackNotifier(ctx: HandoverContext, client: WebClient, log: Logger): EscalationNotifier {
  const safely = async (what: string, ids: Record<string, unknown>, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      log.error({ ...ids, what, error: (error as Error).message }, 'slack call failed');
    }
  };

  const postOf = async (conversationId: string): Promise<EscalationPosts['slack'] | null> => {
    const doc = await ctx.store.conversations.findById(conversationId).lean();
    return (doc?.channelRefs as EscalationPosts | undefined)?.slack ?? null;
  };

  return {
    async escalated({ bot, rule, conversation, handover, task, transcript }) {
      if (!rule.notify.slack || !bot.slackChannel) return;
      const channel = bot.slackChannel;
      await safely('escalation post', { conversationId: conversation.id }, async () => {
        const view = { bot, conversation, handover, task, transcript };
        const posted = await client.chat.postMessage({
          channel,
          text: escalationSummary(view),
          blocks: escalationBlocks(view),
          unfurl_links: false,
          unfurl_media: false,
        });
        const post = { channel: posted.channel ?? channel, ts: posted.ts! };
        await updateConversation(ctx.store, conversation.id, { $set: { 'channelRefs.slack': post } });
        await ctx.store.escalationPosts
          .create({ _id: `slack:${post.channel}:${post.ts}`, conversationId: conversation.id, at: new Date() })
          .catch((error: unknown) => {
            if (!isDuplicateKeyError(error)) throw error;
          });
      });
    },

    async customerMessage({ conversation, message }) {
      const post = await postOf(conversation.id);
      if (!post) return;
      await safely('thread relay', { conversationId: conversation.id, messageId: message.id }, () =>
        client.chat.postMessage({
          channel: post.channel,
          thread_ts: post.ts,
          text: clip(`*Customer:* ${escapeMrkdwn(message.text)}`),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
    },

    async conversationChanged({ conversation }) {
      await refreshPost(conversation.id);
    },

    async assigned({ staff, conversation, task, kind }) {
      const wants = kind === 'conversation' ? staff.notifyOnConversationAssigned : staff.notifyOnTaskAssigned;
      if (!wants || !staff.slackUserId) return;
      const text =
        kind === 'conversation'
          ? `A conversation was assigned to you (\`${conversation.id}\`).`
          : `A follow-up task was assigned to you: ${escapeMrkdwn(task?.note ?? '')} (\`${conversation.id}\`).`;
      await safely('assignment message', { staffId: staff.id, conversationId: conversation.id }, () =>
        client.chat.postMessage({ channel: staff.slackUserId!, text }),
      );
    },

    async taskDue({ task, staff }) {
      const text = `Reminder: the follow-up task "${escapeMrkdwn(task.note)}" is due (conversation \`${task.conversationId}\`).`;
      if (staff?.slackUserId) {
        await safely('task reminder', { taskId: task.id }, () => client.chat.postMessage({ channel: staff.slackUserId!, text }));
        return;
      }
      const post = await postOf(task.conversationId);
      if (post) await safely('task reminder', { taskId: task.id }, () => client.chat.postMessage({ channel: post.channel, thread_ts: post.ts, text }));
    },
  };

  async function refreshPost(conversationId: string): Promise<void> {
    await safely('post update', { conversationId }, async () => {
      const view = await loadEscalationView(ctx, conversationId);
      const post = view.posts.slack;
      if (!post) return;
      await client.chat.update({ channel: post.channel, ts: post.ts, text: escalationSummary(view), blocks: escalationBlocks(view) });
    });
  }
}
