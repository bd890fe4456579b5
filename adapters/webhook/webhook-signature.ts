import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver checks a workflow webhook: HMAC-SHA256 with the shared
 * secret over `<timestamp>.<raw body>`, sent as `x-handover-signature:
 * sha256=<hex>` beside `x-handover-timestamp` (seconds). The timestamp lets
 * a receiver refuse replays older than a few minutes.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function isValidWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
