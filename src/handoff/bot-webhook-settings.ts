import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { outboundAddressPolicy } from '../notify/outbound-address-policy.js';
import type { BotRepository } from '../ports/bot-repository.js';
import type { BotWebhook, BotWebhookRepository } from '../ports/bot-webhook-repository.js';

/** A Standard Webhooks secret: `whsec_` and base64 of 32 random bytes (receivers' libraries take it as it is). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Checks an external bot's webhook URL as the outbound address policy
 * would: http(s) only, and an internal address written literally only when
 * the operator allows it (HANDOVER_OUTBOUND_ALLOW). Host names are checked
 * again at every connection (adapters/http/outbound-address-guard.ts).
 */
export function checkWebhookUrl(url: string, allowInternal: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError(`webhook URL "${url.slice(0, 100)}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new InvalidInputError('a webhook URL starts with https:// (or http://)');
  if (parsed.username || parsed.password) throw new InvalidInputError('a webhook URL carries no user name or password: the signature authenticates the events');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && outboundAddressPolicy(allowInternal).refusal(host, host)) {
    throw new InvalidInputError('a webhook cannot go to an internal address (loopback, private, link-local, metadata) unless HANDOVER_OUTBOUND_ALLOW lists it');
  }
  return parsed.toString();
}

export interface WebhookChange {
  /** undefined: keep the URL; null: no webhook (live stream only). */
  url?: string | null;
  /** A new secret even when the bot has one (the old one stops working at once). */
  rotateSecret?: boolean;
}

/**
 * Sets where a bot's handoff events go. A bot gets its signing secret the
 * first time (or on rotation): `newSecret` is then the only time it is shown.
 */
export async function configureBotWebhook(
  repos: { botWebhooks: BotWebhookRepository; bots: BotRepository },
  botId: string,
  change: WebhookChange,
  options: { now: Date; allowInternal: readonly string[] },
): Promise<{ webhook: BotWebhook; newSecret: string | null }> {
  if (!(await repos.bots.find(botId, { fresh: true }))) throw new NotFoundError(`bot "${botId}"`);
  const current = await repos.botWebhooks.find(botId);
  const url = change.url === undefined ? (current?.url ?? null) : change.url === null ? null : checkWebhookUrl(change.url, options.allowInternal);
  const newSecret = !current || change.rotateSecret ? newWebhookSecret() : null;
  const webhook: BotWebhook = { botId, url, secret: newSecret ?? current!.secret, updatedAt: options.now };
  await repos.botWebhooks.save(webhook);
  return { webhook, newSecret };
}
