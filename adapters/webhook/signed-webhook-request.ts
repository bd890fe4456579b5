import { request, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { DeliveryFailure, failureForStatus } from '../../src/notify/delivery-failure.js';
import { outboundRefusalOf } from '../http/outbound-address-guard.js';
import { webhookSignatureHeaders, webhookSigner } from './webhook-signature.js';

/** One event as it goes out: the body is `{ id, type, timestamp, data }` (Standard Webhooks' recommended shape, with the id). */
export interface WebhookEvent {
  /** Stable across retries: the `webhook-id` a receiver dedupes on. */
  id: string;
  type: string;
  /** When the event happened (the same on every retry). */
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * POSTs one signed event and turns the answer into a DeliveryFailure the
 * outbox retries (or gives up on). `dispatcher` is the outbound address
 * guard's: the URL was chosen by an admin or an operator, not by us.
 */
export async function sendSignedWebhook(
  url: string,
  secret: string,
  event: WebhookEvent,
  options: { dispatcher: Dispatcher; log: Logger; timeoutMs: number; what: string },
): Promise<void> {
  const body = JSON.stringify({ id: event.id, type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });
  let response: Dispatcher.ResponseData;
  try {
    // undici's request follows no redirects: a 3xx is an answer, not a hop to somewhere unchecked
    response = await request(url, {
      dispatcher: options.dispatcher,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'handover-webhooks/2',
        'x-handover-event': event.type,
        ...webhookSignatureHeaders(webhookSigner(secret), event.id, new Date(), body),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const refused = outboundRefusalOf(error);
    if (refused) {
      options.log.warn({ deliveryId: event.id, host: refused.host, kind: refused.kind }, `${options.what} refused: internal address not in HANDOVER_OUTBOUND_ALLOW`);
      // the same words whatever the target was: the reason must not help map the network
      throw new DeliveryFailure(`${options.what} ${event.type}: address not allowed`, false);
    }
    throw new DeliveryFailure(`${options.what} ${event.type}: ${(error as Error).message}`, true);
  }
  await response.body.dump();
  if (response.statusCode >= 300 && response.statusCode < 400) throw new DeliveryFailure(`${options.what} ${event.type} answered HTTP ${response.statusCode} (redirects are not followed)`, false);
  if (response.statusCode >= 300) throw failureForStatus(response.statusCode, headerValue(response.headers['retry-after']), `${options.what} ${event.type}`);
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
