import type { ServiceAdapterFactory } from '../service-adapter.js';
import { webhookOutboxTarget, type WebhookOptions } from './webhook-notifier.js';

/** Workflow webhooks: always wired, since a rule can be given a webhook URL at any time. */
export function webhookAdapter(options: WebhookOptions): ServiceAdapterFactory {
  return (ctx) => {
    const target = webhookOutboxTarget(ctx, options);
    return { outboxTarget: target, stop: () => target.close() };
  };
}
