import type { Express, Router } from 'express';
import type { HandoverContext } from '../src/handover-context.js';
import type { OutboxTarget } from '../src/notify/outbox.js';

/**
 * A platform adapter (Slack, Teams, email, webhooks): what it adds to the
 * service once the domain exists. Its own module, so adapters depend on
 * this contract and not on the composition root.
 */
export interface ServiceAdapter {
  /** Where the outbox delivers this platform's notifications. */
  outboxTarget?: OutboxTarget;
  mounts?: Array<{ path: string; router: Router | Express }>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type ServiceAdapterFactory = (ctx: HandoverContext) => ServiceAdapter | Promise<ServiceAdapter>;
