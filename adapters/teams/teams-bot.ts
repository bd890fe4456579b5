import {
  CardFactory,
  EventFactory,
  HandoffEventNames,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { isSettingsVerb, teamsSettingsActions } from './settings-card-actions.js';
import { findRosterMember } from './settings-roster.js';
import type { Logger } from 'pino';
import { HandoverError } from '../../src/errors.js';
import { staffErrorText } from '../../src/notify/notification-texts.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { acceptHandoff } from '../../src/handover/accept-handoff.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { handleStaffThreadReply } from '../../src/handover/staff-thread-reply.js';
import { isThreadCommand, runThreadCommand } from '../../src/handover/thread-commands.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { handlePlatformEventOnce } from '../../src/events/handle-platform-event-once.js';
import { conversationOfPost } from '../../src/handover/escalation-view.js';
import { subscribeTeamsChannel } from '../../src/bots/teams-channel.js';
import { rememberTeamsPersonalChat, teamsPersonalChatOf } from '../../src/staff/teams-personal-chat.js';
import type { Person, StaffMember } from '../../src/types.js';
import { loadEscalationView } from '../../src/handover/escalation-view.js';
import { CONFIG_REFUSAL, commandBot, runHandoverCommand } from '../../src/commands/handover-command.js';
import { commandAnswerMarkdown } from './command-answer-markdown.js';
import { CLAIM_VERB, RESOLVE_VERB, RETURN_VERB, escalationCard } from './escalation-card.js';
import { channelConversationId } from './teams-notifier.js';
import { teamsTenant, type TeamsTenancy } from './teams-tenant.js';
import type { Tenant } from '../../src/tenants/tenant.js';

/** What the Handover bot does with each Teams activity. */
export function createTeamsTurnHandler(ctx: HandoverContext, options: { admins: string[]; appId: string; tenancy: TeamsTenancy; log: Logger }) {
  /** The caller's tenant, from the activity the Bot Framework signed. */
  const tenantOf = (turn: TurnContext): Tenant => teamsTenant(turn.activity, options.tenancy);
  const staffOf = (turn: TurnContext): Promise<StaffMember> => {
    const from = turn.activity.from;
    return saveStaffMember(ctx, { teamsUserId: from.aadObjectId ?? from.id }, { name: from.name || 'Teams user' }, tenantOf(turn));
  };
  const mayConfigure = (turn: TurnContext) => {
    const from = turn.activity.from;
    return options.admins.includes(from.aadObjectId ?? '') || options.admins.includes(from.id);
  };

  const settings = teamsSettingsActions(ctx, options.log);

  const onCardAction = async (turn: TurnContext): Promise<AdaptiveCardInvokeResponse> => {
    const action = (turn.activity.value ?? {}) as { action?: { verb?: string; data?: { conversationId?: string } } };
    const verb = action.action?.verb;
    if (isSettingsVerb(verb)) {
      const data = action.action?.data;
      const caller = { tenant: tenantOf(turn), staff: await staffOf(turn), mayConfigure: mayConfigure(turn), findMember: (reference: string) => findRosterMember(turn, reference) };
      return cardResponse(await settings.onAction(verb!, data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, caller));
    }
    const conversationId = String(action.action?.data?.conversationId ?? '');
    const staff = await staffOf(turn);
    let note: string | null = null;
    let heldBy: Person | null = null;
    try {
      if (verb === CLAIM_VERB) {
        const outcome = await claimConversation(ctx, conversationId, staff);
        if (!outcome.won) {
          heldBy = outcome.heldBy;
          note = `Already claimed by ${heldBy?.name ?? 'someone'}.`;
        }
      } else if (verb === RESOLVE_VERB) {
        await resolveConversation(ctx, conversationId, staff);
      } else if (verb === RETURN_VERB) {
        await resolveConversation(ctx, conversationId, staff, 'returned');
      } else {
        note = `Unknown action "${verb ?? ''}".`;
      }
    } catch (error) {
      if (!(error instanceof HandoverError)) throw error;
      note = staffErrorText(error);
    }
    const view = await loadEscalationView(ctx, conversationId).catch(() => null);
    // the winner's write may land a moment after the loser reads: show who holds it either way
    if (view && heldBy && view.conversation.status === 'waiting') view.conversation = { ...view.conversation, status: 'assigned', assignee: heldBy };
    return view
      ? cardResponse(escalationCard(view, note))
      : { statusCode: 404, type: 'application/vnd.microsoft.error', value: { code: 'NotFound', message: 'conversation not found' } };
  };


  const onMessage = async (turn: TurnContext) => {
    const activity = turn.activity;
    if (activity.from.id === activity.recipient.id) return;
    if (activity.conversation.conversationType === 'personal') await rememberPersonalChat(turn);
    const text = TurnContext.removeRecipientMention(activity)?.replace(/<at>[^<]*<\/at>/g, '').trim() ?? '';
    const [base, root] = activity.conversation.id.split(';messageid=');
    if (root) {
      const conversationId = await conversationOfPost(ctx, `teams:${base}:${root}`);
      if (conversationId) {
        if (!text || !(await handlePlatformEventOnce(ctx, 'teams-activity', activity.id ?? `${base}:${activity.timestamp}`))) return;
        try {
          await onReplyChainMessage(turn, conversationId, text);
        } catch (error) {
          // never silence: the person is told, in the chain, that it did not go through
          options.log.warn({ conversationId, error: (error as Error).message }, 'reply chain message not handled');
          await turn.sendActivity({ type: 'message', text: '⚠️ That did not go through (a problem on our side): nothing reached the customer. Try again in a moment.', textFormat: 'plain' });
        }
        return;
      }
    }
    const answer = await runCommand(turn, text);
    if (answer) await turn.sendActivity({ type: 'message', text: answer, textFormat: 'markdown' });
  };

  /** In an escalation's reply chain: a thread command, or a reply for the customer (the holder's only). */
  const onReplyChainMessage = async (turn: TurnContext, conversationId: string, text: string) => {
    const staff = await staffOf(turn);
    if (isThreadCommand(text)) {
      const mention = (turn.activity.entities ?? []).find((entity) => entity.type === 'mention' && entity.mentioned?.id !== turn.activity.recipient.id);
      const transferTo = mention
        ? await saveStaffMember(ctx, { teamsUserId: mention.mentioned.aadObjectId ?? mention.mentioned.id }, { name: mention.mentioned.name || 'Teams user' }, tenantOf(turn))
        : null;
      const answer = await runThreadCommand(ctx, { conversationId, staff, text, transferTo }).catch((error: unknown) => {
        if (error instanceof HandoverError) return staffErrorText(error);
        throw error;
      });
      await turn.sendActivity({ type: 'message', text: answer.replace(/`/g, ''), textFormat: 'plain' });
      return;
    }
    const reply = await handleStaffThreadReply(ctx, conversationId, staff, text);
    if (reply.kind === 'relayed') await turn.sendActivity({ type: 'message', text: '✅ Sent to the customer.', textFormat: 'plain' });
    if (reply.kind === 'refused' && !(await tellPrivately(turn, staff.id, reply.reason))) {
      await turn.sendActivity({ type: 'message', text: `${staff.name}: ${reply.reason}`, textFormat: 'plain' });
    }
  };

  /** A 1:1 message to someone who has chatted with the bot; false when we cannot reach them there. */
  const tellPrivately = async (turn: TurnContext, staffId: string, text: string): Promise<boolean> => {
    const reference = (await teamsPersonalChatOf(ctx, staffId)) as Partial<ConversationReference> | null;
    if (!reference?.conversation?.id) return false;
    await (turn.adapter as CloudAdapter).continueConversationAsync(options.appId, reference, async (personal) => {
      await personal.sendActivity({ type: 'message', text, textFormat: 'plain' });
    });
    return true;
  };

  /** A 1:1 chat with the bot is where assignments and reminders reach this person. */
  const rememberPersonalChat = async (turn: TurnContext) => {
    const staff = await staffOf(turn);
    const reference = TurnContext.getConversationReference(turn.activity) as Partial<ConversationReference>;
    delete reference.activityId;
    await rememberTeamsPersonalChat(ctx, staff.id, reference as Record<string, unknown>);
  };

  const runCommand = async (turn: TurnContext, text: string): Promise<string> => {
    const [word, botArgument] = text.toLowerCase().split(/\s+/);
    try {
      if (word === 'settings') {
        if (!mayConfigure(turn)) return CONFIG_REFUSAL;
        const bot = await commandBot(ctx, botArgument, tenantOf(turn));
        await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(await settings.settingsCard(bot))] });
        return '';
      }
      if (word === 'preferences') {
        // personal: a card in a channel would show one person's choices to everyone
        if (turn.activity.conversation.conversationType !== 'personal') return 'Send me "preferences" in our 1:1 chat to set your notifications.';
        await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(settings.preferencesCard(await staffOf(turn)))] });
        return '';
      }
      const answer = await runHandoverCommand(ctx, {
        text,
        tenant: tenantOf(turn),
        staff: await staffOf(turn),
        mayConfigure: async () => mayConfigure(turn),
        subscribeHere: async (bot) => {
          const reference = TurnContext.getConversationReference(turn.activity) as Partial<ConversationReference>;
          reference.conversation = { ...reference.conversation!, id: channelConversationId(reference.conversation!.id) };
          // a reference that keeps the command's activity id would post every card as a reply to that command
          delete reference.activityId;
          await subscribeTeamsChannel(ctx, bot.id, reference as Record<string, unknown>);
        },
      });
      return commandAnswerMarkdown(answer);
    } catch (error) {
      if (error instanceof HandoverError) return staffErrorText(error);
      throw error;
    }
  };

  /**
   * `handoff.initiate` from another Bot Framework bot: we take the
   * conversation and answer `handoff.status` accepted (with the conversation
   * id and token for our customer API) or failed.
   */
  const onHandoff = async (turn: TurnContext) => {
    const activity = turn.activity;
    const context = (activity.value ?? {}) as { botId?: unknown; reason?: unknown };
    const transcript = (activity.attachments ?? [])
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.activity.transcript')
      .flatMap((attachment) => ((attachment.content as { activities?: unknown[] })?.activities ?? []) as Array<{ type?: string; text?: string; from?: { role?: string } }>)
      .filter((line) => line.type === 'message' && typeof line.text === 'string' && line.text.trim())
      .map((line) => ({ from: line.from?.role === 'bot' ? ('bot' as const) : ('customer' as const), text: line.text! }));
    try {
      const accepted = await acceptHandoff(ctx, {
        botId: typeof context.botId === 'string' && /^[a-z0-9-]{1,40}$/.test(context.botId) ? context.botId : 'demo',
        customer: { id: activity.from.id, name: activity.from.name },
        transcript,
        tenant: tenantOf(turn),
        reason: typeof context.reason === 'string' ? `Handed over by another bot: ${context.reason.slice(0, 300)}` : 'Handed over by another bot.',
      });
      const status = EventFactory.createHandoffStatus(activity.conversation, 'accepted');
      status.value = { state: 'accepted', conversationId: accepted.conversationId, token: accepted.token };
      await turn.sendActivity(status);
    } catch (error) {
      if (!(error instanceof HandoverError)) throw error;
      await turn.sendActivity(EventFactory.createHandoffStatus(activity.conversation, 'failed', staffErrorText(error)));
    }
  };

  const bot = new HandoverTeamsBot({ onMessage, onCardAction, onHandoff });
  return (turn: TurnContext): Promise<void> => bot.run(turn);
}

/** An Adaptive Card in answer to a card action: Teams shows it in place of the one clicked. */
function cardResponse(card: unknown): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as Record<string, unknown> };
}

/** The Teams activity dispatch, as the Teams samples do it: messages, Universal Actions (Action.Execute), the handoff event. */
class HandoverTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly turnHandlers: {
      onMessage(turn: TurnContext): Promise<void>;
      onCardAction(turn: TurnContext): Promise<AdaptiveCardInvokeResponse>;
      onHandoff(turn: TurnContext): Promise<void>;
    },
  ) {
    super();
    this.onMessage(async (turn, next) => {
      await turnHandlers.onMessage(turn);
      await next();
    });
    this.onEvent(async (turn, next) => {
      if (turn.activity.name === HandoffEventNames.InitiateHandoff) await turnHandlers.onHandoff(turn);
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(turn: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    return this.turnHandlers.onCardAction(turn);
  }
}
