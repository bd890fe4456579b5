import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsRepository } from '../ports/settings-repository.js';

/**
 * Conversation tokens are an HMAC of the conversation id under an
 * installation secret kept in the database: nothing per conversation to
 * store or leak, every replica can check them, and a retried first message
 * can be answered with the same token again.
 */
export interface ConversationTokens {
  issue(conversationId: string): string;
  verify(conversationId: string, token: string): boolean;
}

export function createConversationTokens(secret: Buffer): ConversationTokens {
  const issue = (conversationId: string) => createHmac('sha256', secret).update(conversationId).digest('base64url');
  return {
    issue,
    verify(conversationId, token) {
      const expected = Buffer.from(issue(conversationId));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The installation's token secret, created once by whichever replica starts first. */
export async function loadTokenSecret(settings: SettingsRepository): Promise<Buffer> {
  return Buffer.from(await settings.tokenSecret(() => randomBytes(32).toString('base64')), 'base64');
}
