import { CardFactory, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { DeliveryFailure, failureForStatus } from '../../src/notify/delivery-failure.js';
import { teamsTenant, type TeamsTenancy } from './teams-tenant.js';
import { quoteLines } from '../../src/text/quote-lines.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { EscalationNotifier, NotificationKind } from '../../src/ports/escalation-notifier.js';
import { teamsChannelOf } from '../../src/bots/teams-channel.js';
import { teamsPersonalChatOf } from '../../src/staff/teams-personal-chat.js';
import { escalationPostsOf, loadEscalationView, recordEscalationPost, type EscalationPosts } from '../../src/handover/escalation-view.js';
import { escalationCard } from './escalation-card.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { CUSTOMER_RELAY_LABEL, conversationAssignedText, taskAssignedText, taskDueText, unclaimedText } from '../../src/notify/notification-texts.js';

/** The channel conversation of a reference, without a reply chain's `;messageid=…`. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

/** What a failed connector call means for the outbox (botbuilder throws RestErrors with the HTTP status). */
export function teamsDeliveryFailure(error: unknown, what: string): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const rest = error as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } }; message?: string };
  if (typeof rest.statusCode === 'number') return failureForStatus(rest.statusCode, rest.response?.headers?.get?.('retry-after'), `${what}: Teams`);
  return new DeliveryFailure(`${what}: ${rest.message ?? String(error)}`, true);
}

/** Teams as an outbox target: only bots subscribed to a Teams channel, or people who chat with the bot there. */
export function teamsOutboxTarget(ctx: HandoverContext, adapter: CloudAdapter, appId: string, tenancy: TeamsTenancy): OutboxTarget {
  const subscribed = new Map<string, { yes: boolean; until: number }>();
  const botHasChannel = async (botId: string) => {
    const hit = subscribed.get(botId);
    if (hit && hit.until > Date.now()) return hit.yes;
    const yes = Boolean(await teamsChannelOf(ctx, botId));
    subscribed.set(botId, { yes, until: Date.now() + 1_000 });
    return yes;
  };
  return {
    name: 'teams',
    notifier: createTeamsNotifier(ctx, adapter, appId, tenancy),
    async accepts(kind: NotificationKind, event: any) {
      switch (kind) {
        case 'escalated':
          return event.rule.notify.teams && botHasChannel(event.bot.id);
        case 'assigned':
          return Boolean(event.staff.teamsUserId);
        case 'taskDue':
          return Boolean(event.staff?.teamsUserId) || botHasChannel(event.task.botId);
        default:
          return botHasChannel(event.conversation.botId);
      }
    },
  };
}

/** Tells the team in Teams: cards posted proactively in the subscribed channel, replies in their reply chain. */
export function createTeamsNotifier(ctx: HandoverContext, adapter: CloudAdapter, appId: string, tenancy: TeamsTenancy): EscalationNotifier {
  const safely = async (what: string, _ids: Record<string, unknown>, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      throw teamsDeliveryFailure(error, what);
    }
  };

  const cardPost = async (conversationId: string) => {
    return (await escalationPostsOf(ctx, conversationId)).teams ?? null;
  };

  const inReplyChain = (post: NonNullable<EscalationPosts['teams']>): Partial<ConversationReference> => ({
    serviceUrl: post.serviceUrl,
    channelId: 'msteams',
    conversation: { id: `${post.conversationId};messageid=${post.activityId}`, isGroup: true, conversationType: 'channel', name: '' },
  });

  /** A 1:1 message, when the person has written to the bot in Teams before; false when we cannot reach them there. */
  const toPersonalChat = async (staffId: string, text: string): Promise<boolean> => {
    const reference = (await teamsPersonalChatOf(ctx, staffId)) as Partial<ConversationReference> | null;
    if (!reference?.conversation?.id) return false;
    await safely('personal message', { staffId }, () =>
      adapter.continueConversationAsync(appId, reference, async (turn) => {
        await turn.sendActivity({ type: 'message', text, textFormat: 'plain' });
      }),
    );
    return true;
  };

  return {
    async escalated({ bot, rule, conversation, handover, task, transcript }) {
      if (!rule.notify.teams) return;
      if ((await cardPost(conversation.id))?.handoverId === handover.id) return;
      const reference = (await teamsChannelOf(ctx, bot.id)) as Partial<ConversationReference> | null;
      if (!reference?.conversation?.id || !reference.serviceUrl) return;
      // escalations go only to the bot's own tenant's channels, whatever a stored reference says
      if (teamsTenant({ conversation: reference.conversation as ConversationReference['conversation'], channelData: undefined }, tenancy) !== bot.tenant) {
        throw new DeliveryFailure(`bot ${bot.id}: its Teams channel is not in the bot's own tenant; @mention the bot with "subscribe" in one of its channels again`, false);
      }
      const channel = channelConversationId(reference.conversation.id);
      const card = escalationCard({ bot, conversation, handover, task, transcript });
      // A new post in the channel (the start of its own reply chain), as Teams creates one: createConversation.
      const parameters = {
        isGroup: true,
        bot: reference.bot,
        channelData: { channel: { id: channel } },
        activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
      } as ConversationParameters;
      await safely('escalation card', { conversationId: conversation.id }, () =>
        adapter.createConversationAsync(appId, 'msteams', reference.serviceUrl!, '', parameters, async (turn) => {
          // Teams answers createConversation with the new post's reply chain: `<channel>;messageid=<post id>`
          const activityId = turn.activity.conversation?.id?.split(';messageid=')[1];
          if (!activityId) return;
          const post = { conversationId: channel, activityId, serviceUrl: reference.serviceUrl!, handoverId: handover.id };
          await recordEscalationPost(ctx, conversation.id, 'teams', `teams:${channel}:${activityId}`, post);
        }),
      );
    },

    async customerMessage({ conversation, message }) {
      const post = await cardPost(conversation.id);
      if (!post) return;
      await safely('reply chain relay', { conversationId: conversation.id, messageId: message.id }, () =>
        adapter.continueConversationAsync(appId, inReplyChain(post), async (turn) => {
          await turn.sendActivity({ type: 'message', text: quoteLines(CUSTOMER_RELAY_LABEL, message.text), textFormat: 'plain' });
        }),
      );
    },

    async conversationChanged({ conversation }) {
      const view = await loadEscalationView(ctx, conversation.id);
      const post = view.posts.teams;
      if (!post) return;
      await safely('card update', { conversationId: conversation.id }, () =>
        adapter.continueConversationAsync(appId, { serviceUrl: post.serviceUrl, channelId: 'msteams', conversation: { id: post.conversationId, isGroup: true, conversationType: 'channel', name: '' } }, async (turn) => {
          await turn.updateActivity({ id: post.activityId, type: 'message', attachments: [CardFactory.adaptiveCard(escalationCard(view))] });
        }),
      );
    },

    async assigned({ staff, conversation, task, kind }) {
      const wants = kind === 'conversation' ? staff.notifyOnConversationAssigned : staff.notifyOnTaskAssigned;
      if (!wants) return;
      const text = kind === 'conversation' ? conversationAssignedText(conversation.id) : taskAssignedText(task?.note ?? '', conversation.id);
      await toPersonalChat(staff.id, answerPlainText(text));
    },

    async unclaimed({ conversation, stage, minutesWaiting }) {
      if (stage !== 'reminder') return;
      const post = await cardPost(conversation.id);
      if (!post) return;
      await safely('unclaimed reminder', { conversationId: conversation.id }, () =>
        adapter.continueConversationAsync(appId, inReplyChain(post), async (turn) => {
          await turn.sendActivity({ type: 'message', text: answerPlainText(unclaimedText(minutesWaiting)), textFormat: 'plain' });
        }),
      );
    },

    async taskDue({ task, staff }) {
      if (staff && (await toPersonalChat(staff.id, answerPlainText(taskDueText(task.note, task.conversationId))))) return;
      const post = await cardPost(task.conversationId);
      if (!post) return;
      await safely('task reminder', { taskId: task.id }, () =>
        adapter.continueConversationAsync(appId, inReplyChain(post), async (turn) => {
          await turn.sendActivity({ type: 'message', text: answerPlainText(taskDueText(task.note, null)), textFormat: 'plain' });
        }),
      );
    },
  };
}
