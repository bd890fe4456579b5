import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { ApiKeyRecord, ApiKeyRepository } from '../ports/api-key-repository.js';
import type { BotRepository } from '../ports/bot-repository.js';

/**
 * A bot's API key for the Handoff API: `hk_` and 32 random bytes. Only its
 * SHA-256 is stored (a fast hash is enough for a key this random: nobody can
 * guess one to compare), so a copy of the database lets nobody call the API.
 */
const KEY_PATTERN = /^hk_[A-Za-z0-9_-]{43}$/;

/** The one refusal for an unknown bot, a missing, malformed, revoked or another bot's key: none tells a caller which of them it was. */
export function apiKeyRefused(): UnauthorizedError {
  return new UnauthorizedError('send this bot\'s API key as "Authorization: Bearer hk_…" (npx handover keys create <botId>)');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key for a bot that exists; the key itself is returned once and never stored. */
export async function createApiKey(repos: { apiKeys: ApiKeyRepository; bots: BotRepository }, botId: string, now: Date): Promise<{ record: ApiKeyRecord; key: string }> {
  if (!(await repos.bots.find(botId, { fresh: true }))) throw new NotFoundError(`bot "${botId}"`);
  const key = `hk_${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = { id: `key_${randomBytes(9).toString('base64url')}`, botId, hash: hashApiKey(key), createdAt: now, revokedAt: null };
  await repos.apiKeys.add(record);
  return { record, key };
}

/**
 * Throws the one refusal unless `presented` is a current key of `botId`.
 * The stored hash is compared in constant time as well, so the answer's
 * timing does not depend on how much of a hash matched.
 */
export async function assertBotApiKey(apiKeys: ApiKeyRepository, botId: string, presented: string | undefined): Promise<ApiKeyRecord> {
  if (!presented || !KEY_PATTERN.test(presented)) throw apiKeyRefused();
  const hash = hashApiKey(presented);
  const record = await apiKeys.findByHash(hash);
  if (!record || record.hash.length !== hash.length || !timingSafeEqual(Buffer.from(record.hash), Buffer.from(hash))) throw apiKeyRefused();
  if (record.botId !== botId || record.revokedAt !== null) throw apiKeyRefused();
  return record;
}
