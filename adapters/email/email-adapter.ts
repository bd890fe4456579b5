import type { ServiceAdapterFactory } from '../service-adapter.js';
import { emailOutboxTarget, type EmailOptions } from './email-notifier.js';

/** Email notifications when SMTP_URL is set. */
export function emailAdapter(options: EmailOptions): ServiceAdapterFactory {
  return (ctx) => {
    const target = emailOutboxTarget(ctx, options);
    return { outboxTarget: target, stop: async () => target.close() };
  };
}
