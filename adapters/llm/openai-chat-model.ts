import OpenAI from 'openai';
import type { ChatCompletionMessageFunctionToolCall } from 'openai/resources/chat/completions';
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type { ChatModel, ChatOutcome, ChatRequest, ChatTool } from '../../src/ports/chat-model.js';
import { nodeHttpFetch } from './node-http-fetch.js';

export interface OpenAiChatModelOptions {
  /** API keys by the environment variable the bot config names (read once by the composition root). */
  apiKeys: Readonly<Record<string, string>>;
}

/**
 * The model port over any OpenAI-compatible Chat Completions endpoint
 * (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM, llama.cpp server) through the
 * official SDK. No retries: the turn's whole budget is one timeout, and the
 * domain's breaker, not a retry loop, handles an endpoint that is down.
 */
export function openAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const clients = new Map<string, OpenAI>();
  const fetch = nodeHttpFetch();
  // a bot's assistant passes the same tools on every turn: translated once per list
  const toolsOf = new WeakMap<readonly ChatTool[], ChatCompletionFunctionTool[]>();
  const openAiTools = (tools: readonly ChatTool[]): ChatCompletionFunctionTool[] => {
    let translated = toolsOf.get(tools);
    if (!translated) {
      translated = tools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, description: tool.description, parameters: tool.parameters } }));
      toolsOf.set(tools, translated);
    }
    return translated;
  };
  const clientFor = ({ baseUrl, apiKeyEnv }: ChatRequest['endpoint']): OpenAI => {
    const key = `${baseUrl}\n${apiKeyEnv ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      // local servers (Ollama, llama.cpp) take any key; the SDK insists on one
      client = new OpenAI({ baseURL: baseUrl, apiKey: (apiKeyEnv && options.apiKeys[apiKeyEnv]) || 'no-key', maxRetries: 0, fetch });
      clients.set(key, client);
    }
    return client;
  };

  return {
    async complete(request: ChatRequest): Promise<ChatOutcome> {
      try {
        const completion = await clientFor(request.endpoint).chat.completions.create(
          {
            model: request.endpoint.model,
            temperature: request.endpoint.temperature,
            messages: request.messages,
            ...(request.tools.length ? { tools: openAiTools(request.tools) } : {}),
          },
          { signal: request.signal, timeout: request.timeoutMs, maxRetries: 0 },
        );
        const choice = completion.choices?.[0];
        if (!choice?.message) return { ok: false, failure: 'bad_response' };
        const call = choice.message.tool_calls?.find((candidate): candidate is ChatCompletionMessageFunctionToolCall => candidate.type === 'function');
        return {
          ok: true,
          text: choice.message.content ?? null,
          toolCall: call ? { name: call.function.name, arguments: call.function.arguments ?? '{}' } : null,
          usage: completion.usage ? { promptTokens: completion.usage.prompt_tokens ?? 0, completionTokens: completion.usage.completion_tokens ?? 0 } : null,
        };
      } catch (error) {
        return { ok: false, failure: failureOf(error) };
      }
    },
  };
}

function failureOf(error: unknown): Exclude<ChatOutcome, { ok: true }>['failure'] {
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'unavailable';
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    return status === 429 || status >= 500 || status === 0 ? 'unavailable' : 'refused';
  }
  return 'bad_response';
}
