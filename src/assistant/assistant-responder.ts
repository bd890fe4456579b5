import type { Logger } from 'pino';
import type { AsyncResponder, BotAnswer, KnowledgeBaseResponder, ResponderTurn } from '../bot/responder.js';
import type { ChatFailure, ChatMessage, ChatModel, ChatOutcome, ChatTool } from '../ports/chat-model.js';
import type { HandoverMetrics } from '../ports/handover-metrics.js';
import type { AssistantConfig, Bot, Message } from '../types.js';
import { answerPrompt, answerTools, CANNOT_ANSWER_TOOL, GROUNDING_ENTRIES, guidedRules, HAND_OVER_TOOL, summaryMessages } from './assistant-prompt.js';
import type { ModelCircuitBreaker } from './model-circuit-breaker.js';

export interface AssistantResponderDeps {
  bot: Pick<Bot, 'id' | 'rules'>;
  config: AssistantConfig;
  knowledgeBase: KnowledgeBaseResponder;
  model: ChatModel;
  breaker: ModelCircuitBreaker;
  metrics: HandoverMetrics;
  log: Pick<Logger, 'warn'>;
}

const ANSWER_CHARS = 4000;
const SUMMARY_CHARS = 500;

const NO_TOOLS: ChatTool[] = [];

/**
 * A bot's AI assistant: it answers grounded in the knowledge base entries
 * closest to the message, says so (a tool call) when they do not answer,
 * and may ask for a person where a rule's guidance says. A slow or failing
 * model never costs the customer more than the configured timeout: the
 * knowledge base answers instead, or the turn counts as unanswered (the
 * bot's fallback setting), and the breaker stops calling a model that is down.
 */
export function createAssistantResponder({ bot, config, knowledgeBase, model, breaker, metrics, log }: AssistantResponderDeps): AsyncResponder {
  const guided = new Set(guidedRules(bot.rules).map((rule) => rule.name));
  // the same for every turn of this bot's version: built once, not per turn
  const prompt = answerPrompt(config, bot.rules);
  const tools = answerTools(bot.rules);

  /** Whether the model may be called now; a refusal is counted as a call the breaker stopped. */
  function acquire(purpose: 'answer' | 'summary'): boolean {
    if (breaker.tryAcquire()) return true;
    metrics.modelCalled({ botId: bot.id, purpose, ms: 0, failure: 'breaker_open', promptTokens: 0, completionTokens: 0 });
    return false;
  }

  /** One model call, the breaker acquired: never longer than the timeout. */
  async function call(purpose: 'answer' | 'summary', messages: ChatMessage[], tools: ChatTool[]): Promise<ChatOutcome> {
    const started = performance.now();
    // a timer cleared when the call ends, not AbortSignal.timeout: that one fires (and dispatches its abort
    // to every listener the SDK and the socket added) long after an answered call, once per turn
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<ChatOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ok: false, failure: 'timeout' });
      }, config.timeoutMs);
    });
    let outcome: ChatOutcome;
    try {
      // the race holds the budget even if a model adapter overlooked the signal
      outcome = await Promise.race([model.complete({ botId: bot.id, endpoint: config, messages, tools, signal: controller.signal, timeoutMs: config.timeoutMs }), timedOut]);
    } catch {
      outcome = { ok: false, failure: 'unavailable' };
    } finally {
      clearTimeout(timer);
    }
    if (outcome.ok) breaker.succeeded();
    else breaker.failed();
    metrics.modelCalled({
      botId: bot.id,
      purpose,
      ms: performance.now() - started,
      failure: outcome.ok ? null : outcome.failure,
      promptTokens: outcome.ok ? (outcome.usage?.promptTokens ?? 0) : 0,
      completionTokens: outcome.ok ? (outcome.usage?.completionTokens ?? 0) : 0,
    });
    if (!outcome.ok) log.warn({ botId: bot.id, purpose, failure: outcome.failure }, 'assistant model call failed');
    return outcome;
  }

  function fallback(faq: () => BotAnswer, failure: ChatFailure): BotAnswer {
    if (config.fallback === 'faq') return faq();
    return { answered: false, entryId: null, answer: null, confidence: 0, unansweredReason: `The assistant was unavailable (${failure.replace('_', ' ')}).` };
  }

  return {
    async answer({ text, transcript }: ResponderTurn): Promise<BotAnswer> {
      // the knowledge base's own answer is only needed when the model's is not used
      const faq = () => knowledgeBase.answer(text);
      // with the breaker open nothing of the prompt is read or built
      if (!acquire('answer')) return fallback(faq, 'breaker_open');
      const entries = knowledgeBase.retrieve(text, GROUNDING_ENTRIES);
      let messages: ChatMessage[];
      try {
        messages = prompt(entries, await transcript(), text);
      } catch (error) {
        // the conversation could not be read: no call is made, and the model is not to blame
        breaker.abandoned();
        throw error;
      }
      const outcome = await call('answer', messages, tools);
      if (!outcome.ok) return fallback(faq, outcome.failure);
      if (outcome.toolCall) {
        const args = toolArguments(outcome.toolCall.arguments);
        const reason = oneSentence(args.reason);
        if (outcome.toolCall.name === CANNOT_ANSWER_TOOL) {
          return { answered: false, entryId: null, answer: null, confidence: 0, unansweredReason: `The assistant could not answer${reason ? `: ${reason}` : '.'}` };
        }
        if (outcome.toolCall.name === HAND_OVER_TOOL && typeof args.rule === 'string' && guided.has(args.rule)) {
          // the knowledge base's answer stands in when no rule ends up handing over (Labs or handover off)
          return { ...faq(), handover: { rule: args.rule, reason: `The assistant handed over${reason ? `: ${reason}` : '.'}` } };
        }
        log.warn({ botId: bot.id, tool: outcome.toolCall.name.slice(0, 40) }, 'assistant model called an unknown tool');
        return fallback(faq, 'bad_response');
      }
      const answer = outcome.text?.trim();
      if (!answer) return fallback(faq, 'bad_response');
      return { answered: true, entryId: entries[0]?.entry.id ?? null, answer: answer.slice(0, ANSWER_CHARS), confidence: 1 };
    },

    async summarize(transcript: readonly Message[], reason: string): Promise<string | null> {
      if (!acquire('summary')) return null;
      const outcome = await call('summary', summaryMessages(transcript, reason), NO_TOOLS);
      const text = outcome.ok ? outcome.text?.replace(/\s+/g, ' ').trim() : null;
      return text ? text.slice(0, SUMMARY_CHARS) : null;
    },
  };
}

function toolArguments(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A model's reason on one line and of a sensible length: it is shown to the team. */
function oneSentence(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
}
