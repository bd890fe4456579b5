import type { Dispatcher } from 'undici';
import { loadBot } from '../../src/bots/load-bot.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { latestHandoverRuleOf } from '../../src/handover/latest-handover-rule.js';
import { DeliveryFailure } from '../../src/notify/delivery-failure.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { DeliveryAttempt, EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import type { Conversation } from '../../src/types.js';
import { outboundAddressPolicy } from '../../src/notify/outbound-address-policy.js';
import { guardedDispatcher } from '../http/outbound-address-guard.js';
import { sendSignedWebhook } from './signed-webhook-request.js';

export type WebhookEventType = 'handover.triggered' | 'handover.claimed' | 'handover.transferred' | 'handover.resolved' | 'task.due';

export interface WebhookOptions {
  /** The Standard Webhooks signing secret (`whsec_…`, or any string used as raw bytes); without it nothing is sent (and the reason is kept in the outbox). */
  secret: string | null;
  timeoutMs?: number;
  /**
   * Internal hosts and ranges webhooks may reach (HANDOVER_OUTBOUND_ALLOW);
   * every other loopback, private, link-local… address is refused.
   */
  allowInternal?: string[];
}

/**
 * Workflow webhooks: a JSON event per handover triggered, claimed, resolved
 * and task due, POSTed to the URL of the rule that handed the conversation
 * over, signed as Standard Webhooks (webhook-signature.ts), with a
 * `webhook-id` that stays the same across retries.
 */
export function webhookOutboxTarget(ctx: HandoverContext, options: WebhookOptions): OutboxTarget & { close(): Promise<void> } {
  const dispatcher = guardedDispatcher(outboundAddressPolicy(options.allowInternal ?? []));
  return {
    name: 'webhook',
    notifier: createWebhookNotifier(ctx, options, dispatcher),
    close: () => dispatcher.close(),
    async accepts(kind, event: any) {
      if (kind === 'escalated') return event.rule.notify.webhook !== null;
      if (kind !== 'conversationChanged' && kind !== 'taskDue') return false;
      const botId = kind === 'taskDue' ? event.task.botId : event.conversation.botId;
      return (await loadBot(ctx, botId)).rules.some((rule) => rule.notify.webhook !== null);
    },
  };
}

/**
 * `dispatcher` decides where a URL may connect: a rule's URL is chosen by a
 * workspace admin, so it goes through the outbound address guard.
 */
export function createWebhookNotifier(ctx: HandoverContext, options: WebhookOptions, dispatcher: Dispatcher): EscalationNotifier {
  const send = async (url: string, type: WebhookEventType, data: Record<string, unknown>, attempt?: DeliveryAttempt) => {
    if (!options.secret) throw new DeliveryFailure('webhook: HANDOVER_WEBHOOK_SECRET is not set, so events cannot be signed', false);
    const event = { id: attempt?.deliveryId ?? 'unqueued', type, occurredAt: attempt?.queuedAt ?? new Date(), data };
    await sendSignedWebhook(url, options.secret, event, { dispatcher, log: ctx.log, timeoutMs: options.timeoutMs ?? 10_000, what: 'webhook' });
  };

  /** The webhook of the rule behind the conversation's latest handover (rules may have changed since: then none). */
  const urlFor = async (conversationId: string): Promise<string | null> => {
    return (await latestHandoverRuleOf(ctx, conversationId))?.notify.webhook ?? null;
  };

  const summary = (conversation: Conversation) => ({
    conversationId: conversation.id,
    botId: conversation.botId,
    status: conversation.status,
    tags: conversation.tags,
    assignee: conversation.assignee,
    customer: conversation.customer,
  });

  return {
    async escalated({ rule, conversation, handover, task }, attempt) {
      if (!rule.notify.webhook) return;
      await send(
        rule.notify.webhook,
        'handover.triggered',
        {
          // what the customer wants and what the bot tried, 1-3 sentences (missing on handovers from before summaries)
          summary: handover.summary ?? null,
          ...summary(conversation),
          handoverId: handover.id,
          trigger: handover.trigger,
          rule: rule.name,
          reason: handover.reason,
          task: task ? { id: task.id, note: task.note, dueAt: task.dueAt } : null,
          // out of business hours: when the customer was told the team is back (null: it came while the team worked)
          outOfHours: handover.outOfHours ? { backAt: handover.outOfHours.backAt, back: handover.outOfHours.back } : null,
        },
        attempt,
      );
    },
    async conversationChanged({ conversation, change, by }, attempt) {
      if (change === 'updated') return;
      const url = await urlFor(conversation.id);
      if (!url) return;
      const type = `handover.${change}` as const;
      await send(url, type, { ...summary(conversation), handoverId: conversation.lastHandoverId, by: by ? { id: by.id, name: by.name } : null }, attempt);
    },
    async taskDue({ task }, attempt) {
      const url = await urlFor(task.conversationId);
      if (!url) return;
      await send(url, 'task.due', { taskId: task.id, conversationId: task.conversationId, botId: task.botId, note: task.note, dueAt: task.dueAt, assignee: task.assignee }, attempt);
    },
    async customerMessage() {},
    async assigned() {},
    async unclaimed() {},
  };
}
