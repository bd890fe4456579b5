import type { BotWebhook, BotWebhookRepository } from '../../src/ports/bot-webhook-repository.js';
import type { HandoverStore } from './handover-store.js';

interface BotWebhookDocument {
  /** The bot's id. */
  _id: string;
  url: string | null;
  secret: string;
  updatedAt: Date;
}

/**
 * The outbox asks for a bot's webhook on every notification of its
 * conversations, and it changes only by an operator's command: each process
 * keeps what it read (also "none") for a few seconds.
 */
const FRESH_FOR_MS = 5_000;

export function mongoBotWebhooks(store: HandoverStore): BotWebhookRepository {
  const webhooks = () => store.connection.collection<BotWebhookDocument>('botWebhooks');
  const cached = new Map<string, { webhook: Promise<BotWebhook | null>; until: number }>();
  return {
    find(botId) {
      const hit = cached.get(botId);
      if (hit && hit.until > Date.now()) return hit.webhook;
      const webhook = webhooks()
        .findOne({ _id: botId })
        .then((doc) => (doc ? { botId: doc._id, url: doc.url, secret: doc.secret, updatedAt: doc.updatedAt } : null));
      cached.set(botId, { webhook, until: Date.now() + FRESH_FOR_MS });
      webhook.catch(() => cached.delete(botId));
      return webhook;
    },
    async save(webhook) {
      cached.delete(webhook.botId);
      await webhooks().replaceOne({ _id: webhook.botId }, { url: webhook.url, secret: webhook.secret, updatedAt: webhook.updatedAt }, { upsert: true });
    },
  };
}
