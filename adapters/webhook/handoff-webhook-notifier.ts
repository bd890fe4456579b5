import type { HandoverContext } from '../../src/handover-context.js';
import { outboundAddressPolicy } from '../../src/notify/outbound-address-policy.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { DeliveryAttempt, EscalationNotifier, NotificationKind } from '../../src/ports/escalation-notifier.js';
import type { Conversation } from '../../src/types.js';
import type { ServiceAdapterFactory } from '../service-adapter.js';
import { guardedDispatcher } from '../http/outbound-address-guard.js';
import { sendSignedWebhook } from './signed-webhook-request.js';

/** What an external bot hears about the conversations it handed off (README "Handoff API"). */
export type HandoffEventType = 'handoff.claimed' | 'handoff.transferred' | 'handoff.agent_message' | 'handoff.resolved';

export interface HandoffWebhookOptions {
  timeoutMs?: number;
  /** Internal hosts and ranges a bot's webhook may reach (HANDOVER_OUTBOUND_ALLOW). */
  allowInternal?: string[];
}

/** Handoff webhooks: always wired, since an operator can give a bot a webhook at any time (`npx handover keys webhook`). */
export function handoffWebhookAdapter(options: HandoffWebhookOptions): ServiceAdapterFactory {
  return (ctx) => {
    const target = handoffWebhookOutboxTarget(ctx, options);
    return { outboxTarget: target, stop: () => target.close() };
  };
}

/**
 * Events for a bot's handed-over conversations (claimed, transferred, each
 * agent reply, resolved or handed back), POSTed to the bot's webhook through
 * the outbox (stored before the staff member's action is answered, retried
 * until taken), signed as Standard Webhooks with the bot's own secret.
 */
export function handoffWebhookOutboxTarget(ctx: HandoverContext, options: HandoffWebhookOptions): OutboxTarget & { close(): Promise<void> } {
  const dispatcher = guardedDispatcher(outboundAddressPolicy(options.allowInternal ?? []));
  const timeoutMs = options.timeoutMs ?? 10_000;

  const send = async (conversation: Conversation, type: HandoffEventType, data: Record<string, unknown>, attempt?: DeliveryAttempt) => {
    // read on every try: a URL changed or a secret rotated since the event was queued applies to its retries
    const webhook = await ctx.botWebhooks.find(conversation.botId);
    if (!webhook?.url) return;
    const event = { id: attempt?.deliveryId ?? 'unqueued', type, occurredAt: attempt?.queuedAt ?? new Date(), data: { conversationId: conversation.id, botId: conversation.botId, ...data } };
    await sendSignedWebhook(webhook.url, webhook.secret, event, { dispatcher, log: ctx.log, timeoutMs, what: 'handoff webhook' });
  };

  const notifier: EscalationNotifier = {
    async conversationChanged({ conversation, change, by }, attempt) {
      if (change === 'updated') return;
      await send(conversation, `handoff.${change}`, { status: conversation.status, assignee: conversation.assignee, by: by ? { id: by.id, name: by.name } : null }, attempt);
    },
    async agentReplied({ conversation, message }, attempt) {
      await send(conversation, 'handoff.agent_message', { message: { id: message.id, text: message.text, at: message.at, author: message.author } }, attempt);
    },
    async escalated() {},
    async customerMessage() {},
    async assigned() {},
    async taskDue() {},
    async unclaimed() {},
  };

  return {
    name: 'handoff-webhook',
    notifier,
    close: () => dispatcher.close(),
    async accepts(kind: NotificationKind, event: any) {
      if (kind === 'conversationChanged' ? event.change === 'updated' : kind !== 'agentReplied') return false;
      return Boolean((await ctx.botWebhooks.find(event.conversation.botId))?.url);
    },
  };
}
