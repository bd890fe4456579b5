import { Webhook } from 'standardwebhooks';

/**
 * Webhooks are signed as Standard Webhooks (standardwebhooks.com): headers
 * `webhook-id` (the same on every retry of one event), `webhook-timestamp`
 * (seconds, of this try) and `webhook-signature` (`v1,<base64 HMAC-SHA256
 * of "<id>.<timestamp>.<body>">`), so a receiver checks them with an
 * off-the-shelf library, which also refuses timestamps more than five
 * minutes off (replays).
 *
 * A `whsec_…` secret is base64 as the standard has it; any other string
 * (a HANDOVER_WEBHOOK_SECRET set before the switch) is used as raw bytes,
 * which receivers give their library as `new Webhook(secret, { format: 'raw' })`.
 */
export function webhookSigner(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
}

/** The three Standard Webhooks headers for one try of one event. */
export function webhookSignatureHeaders(signer: Webhook, id: string, sentAt: Date, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signer.sign(id, sentAt, body),
  };
}
