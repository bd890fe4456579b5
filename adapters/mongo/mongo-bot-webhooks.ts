import { isSealedSecret, type SecretCipher } from '../crypto/secret-cipher.js';
import type { BotWebhook, BotWebhookRepository } from '../../src/ports/bot-webhook-repository.js';
import { HandoverError } from '../../src/errors.js';
import type { Connection } from 'mongoose';
import type { HandoverStore } from './handover-store.js';

interface BotWebhookDocument {
  /** The bot's id. */
  _id: string;
  url: string | null;
  /** Sealed (`v1.…`) when the service has HANDOVER_ENCRYPTION_KEY; plain `whsec_…` without it or from before it was set. */
  secret: string;
  updatedAt: Date;
}

/**
 * The outbox asks for a bot's webhook on every notification of its
 * conversations, and it changes only by an operator's command: each process
 * keeps what it read (also "none") for a few seconds.
 */
const FRESH_FOR_MS = 5_000;

const collectionOf = (connection: Connection) => connection.collection<BotWebhookDocument>('botWebhooks');

/**
 * With a cipher, secrets are sealed on save and opened on read; a secret
 * stored plain before the key was set is read as it is and sealed at its
 * next save. Without one, secrets are stored plain.
 */
export function mongoBotWebhooks(store: HandoverStore, cipher: SecretCipher | null = null): BotWebhookRepository {
  const webhooks = () => collectionOf(store.connection);
  const cached = new Map<string, { webhook: Promise<BotWebhook | null>; until: number }>();
  return {
    find(botId) {
      const hit = cached.get(botId);
      if (hit && hit.until > Date.now()) return hit.webhook;
      const webhook = webhooks()
        .findOne({ _id: botId })
        .then((doc) => (doc ? { botId: doc._id, url: doc.url, secret: openSecret(doc.secret, cipher), updatedAt: doc.updatedAt } : null));
      cached.set(botId, { webhook, until: Date.now() + FRESH_FOR_MS });
      webhook.catch(() => cached.delete(botId));
      return webhook;
    },
    async save(webhook) {
      cached.delete(webhook.botId);
      const secret = cipher ? cipher.encrypt(webhook.secret) : webhook.secret;
      await webhooks().replaceOne({ _id: webhook.botId }, { url: webhook.url, secret, updatedAt: webhook.updatedAt }, { upsert: true });
    },
  };
}

function openSecret(stored: string, cipher: SecretCipher | null): string {
  if (!isSealedSecret(stored)) return stored;
  if (!cipher) throw new SealedWithoutKeyError();
  return cipher.decrypt(stored);
}

class SealedWithoutKeyError extends HandoverError {
  constructor() {
    super('env_config', 'HANDOVER_ENCRYPTION_KEY: not set, but the webhook secrets in the database are sealed; set the key they were sealed with');
  }
}

/**
 * At start-up: the configured key (or its absence) must fit the secrets
 * already stored, so a wrong key stops the process with one line instead of
 * failing each webhook delivery later. One row per bot: a small scan.
 */
export async function checkBotWebhookKey(connection: Connection, cipher: SecretCipher | null): Promise<void> {
  const sealed = await collectionOf(connection).findOne({ secret: { $regex: '^v1\\.' } });
  if (sealed) openSecret(sealed.secret, cipher);
}

/** How the stored secrets are kept, for `npx handover doctor`. */
export async function botWebhookSecretStates(connection: Connection): Promise<{ plain: number; sealed: string[] }> {
  const rows = await collectionOf(connection).find({}, { projection: { secret: 1 } }).toArray();
  const sealed = rows.map((row) => row.secret).filter(isSealedSecret);
  return { plain: rows.length - sealed.length, sealed };
}
