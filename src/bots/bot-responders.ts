import { createKnowledgeBaseResponder } from '../bot/knowledge-base-responder.js';
import type { Responder } from '../bot/responder.js';
import type { Bot } from '../types.js';

/** One responder per bot and knowledge-base version: building the index is the costly part. */
export interface BotResponders {
  forBot(bot: Bot): Responder;
}

export function createBotResponders(): BotResponders {
  const cache = new Map<string, { version: number; responder: Responder }>();
  return {
    forBot(bot) {
      const version = bot.updatedAt.getTime();
      const cached = cache.get(bot.id);
      if (cached && cached.version === version) return cached.responder;
      const responder = createKnowledgeBaseResponder(bot.knowledgeBase);
      cache.set(bot.id, { version, responder });
      return responder;
    },
  };
}
