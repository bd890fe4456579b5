import type { Logger } from 'pino';
import { createAssistantResponder } from '../assistant/assistant-responder.js';
import { createModelCircuitBreaker, DEFAULT_BREAKER, type ModelCircuitBreaker } from '../assistant/model-circuit-breaker.js';
import { createKnowledgeBaseResponder } from '../bot/knowledge-base-responder.js';
import type { AsyncResponder, KnowledgeBaseResponder } from '../bot/responder.js';
import { NO_CHAT_MODEL, type ChatModel } from '../ports/chat-model.js';
import { NO_METRICS, type HandoverMetrics } from '../ports/handover-metrics.js';
import type { Bot } from '../types.js';

/** One responder per bot and knowledge-base version: building the index is the costly part. */
export interface BotResponders {
  /** The knowledge base's responder: answers at once. */
  forBot(bot: Bot): KnowledgeBaseResponder;
  /** The bot's AI assistant, when its configuration has one. */
  assistantFor(bot: Bot): AsyncResponder | null;
}

export interface BotRespondersOptions {
  /** The model adapter (adapters/llm); without one, assistants always fall back. */
  model?: ChatModel;
  metrics?: HandoverMetrics;
  log?: Logger;
  now?: () => Date;
  breaker?: Partial<typeof DEFAULT_BREAKER>;
}

export function createBotResponders(options: BotRespondersOptions = {}): BotResponders {
  const cache = new Map<string, { version: number; responder: KnowledgeBaseResponder; assistant: AsyncResponder | null }>();
  // per bot and endpoint, and kept across a bot's versions: a settings change must not close an open breaker
  const breakers = new Map<string, ModelCircuitBreaker>();
  const metrics = options.metrics ?? NO_METRICS;

  const breakerFor = (bot: Bot, endpoint: string): ModelCircuitBreaker => {
    const key = `${bot.id}\n${endpoint}`;
    let breaker = breakers.get(key);
    if (!breaker) {
      breaker = createModelCircuitBreaker({
        ...DEFAULT_BREAKER,
        ...options.breaker,
        now: options.now ?? (() => new Date()),
        onChange: (state) => {
          metrics.modelBreaker({ botId: bot.id, state });
          options.log?.warn({ botId: bot.id, state }, 'assistant model breaker changed state');
        },
      });
      breakers.set(key, breaker);
    }
    return breaker;
  };

  const entryFor = (bot: Bot) => {
    const version = bot.updatedAt.getTime();
    const cached = cache.get(bot.id);
    if (cached && cached.version === version) return cached;
    const responder = createKnowledgeBaseResponder(bot.knowledgeBase);
    const config = bot.assistant ?? null;
    const assistant = config
      ? createAssistantResponder({
          bot,
          config,
          knowledgeBase: responder,
          model: options.model ?? NO_CHAT_MODEL,
          breaker: breakerFor(bot, `${config.baseUrl}\n${config.model}`),
          metrics,
          log: options.log ?? { warn() {} },
        })
      : null;
    const entry = { version, responder, assistant };
    cache.set(bot.id, entry);
    return entry;
  };

  return {
    forBot: (bot) => entryFor(bot).responder,
    assistantFor: (bot) => (bot.assistant ? entryFor(bot).assistant : null),
  };
}
