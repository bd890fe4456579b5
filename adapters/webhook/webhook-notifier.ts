import { request, type Dispatcher } from 'undici';
import { loadBot } from '../../src/bots/load-bot.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { latestHandoverRuleOf } from '../../src/handover/latest-handover-rule.js';
import { DeliveryFailure, failureForStatus } from '../../src/notify/delivery-failure.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { DeliveryAttempt, EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import type { Conversation } from '../../src/types.js';
import { outboundAddressPolicy } from '../../src/notify/outbound-address-policy.js';
import { guardedDispatcher, outboundRefusalOf } from '../http/outbound-address-guard.js';
import { webhookSignature } from './webhook-signature.js';

export type WebhookEventType = 'handover.triggered' | 'handover.claimed' | 'handover.transferred' | 'handover.resolved' | 'task.due';

export interface WebhookOptions {
  /** HMAC key for the signature header; without it nothing is sent (and the reason is kept in the outbox). */
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
 * over, signed, with a delivery id that stays the same across retries.
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
    const deliveryId = attempt?.deliveryId ?? 'unqueued';
    const body = JSON.stringify({ id: deliveryId, type, occurredAt: (attempt?.queuedAt ?? new Date()).toISOString(), data });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let response: Dispatcher.ResponseData;
    try {
      // undici's request follows no redirects: a 3xx is an answer, not a hop to somewhere unchecked
      response = await request(url, {
        dispatcher,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'handover-webhooks/1',
          'x-handover-event': type,
          'x-handover-delivery': deliveryId,
          'x-handover-timestamp': timestamp,
          'x-handover-signature': webhookSignature(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const refused = outboundRefusalOf(error);
      if (refused) {
        ctx.log.warn({ deliveryId, host: refused.host, kind: refused.kind }, 'webhook refused: internal address not in HANDOVER_OUTBOUND_ALLOW');
        // the same words whatever the target was: the reason must not help map the network
        throw new DeliveryFailure(`webhook ${type}: address not allowed`, false);
      }
      throw new DeliveryFailure(`webhook ${type}: ${(error as Error).message}`, true);
    }
    await response.body.dump();
    if (response.statusCode >= 300 && response.statusCode < 400) throw new DeliveryFailure(`webhook ${type} answered HTTP ${response.statusCode} (redirects are not followed)`, false);
    if (response.statusCode >= 300) throw failureForStatus(response.statusCode, headerValue(response.headers['retry-after']), `webhook ${type}`);
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
          ...summary(conversation),
          handoverId: handover.id,
          trigger: handover.trigger,
          rule: rule.name,
          reason: handover.reason,
          task: task ? { id: task.id, note: task.note, dueAt: task.dueAt } : null,
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

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
