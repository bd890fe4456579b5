import type { AssistantConfig } from '../types.js';

/** One message of a chat with a language model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A function the model may call instead of answering in words; `parameters` is a JSON Schema object. */
export interface ChatTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ChatRequest {
  /** For the adapter's metrics and logs. */
  botId: string;
  endpoint: Pick<AssistantConfig, 'baseUrl' | 'model' | 'apiKeyEnv' | 'temperature'>;
  messages: ChatMessage[];
  tools: ChatTool[];
  /** Aborted when the caller stops waiting; the adapter gives up at once. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Why a model call gave nothing usable. */
export type ChatFailure = 'timeout' | 'unavailable' | 'refused' | 'bad_response' | 'breaker_open';

export type ChatOutcome =
  | {
      ok: true;
      text: string | null;
      toolCall: { name: string; arguments: string } | null;
      usage: { promptTokens: number; completionTokens: number } | null;
    }
  | { ok: false; failure: Exclude<ChatFailure, 'breaker_open'> };

/**
 * A language model behind an OpenAI-compatible Chat Completions endpoint
 * (adapters/llm). It never throws: a failure is an outcome, so the turn
 * can fall back.
 */
export interface ChatModel {
  complete(request: ChatRequest): Promise<ChatOutcome>;
}

/** No model wired (the tests and tools that do not need one): every call is unavailable. */
export const NO_CHAT_MODEL: ChatModel = {
  complete: async () => ({ ok: false, failure: 'unavailable' }),
};
