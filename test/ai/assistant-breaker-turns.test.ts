import { describe, expect, it } from 'vitest';
import { assistantConfigSchema } from '../../src/assistant/assistant-config-schema.js';
import { createAssistantResponder } from '../../src/assistant/assistant-responder.js';
import { createModelCircuitBreaker } from '../../src/assistant/model-circuit-breaker.js';
import { createKnowledgeBaseResponder } from '../../src/bot/knowledge-base-responder.js';
import type { ChatModel, ChatRequest } from '../../src/ports/chat-model.js';
import { NO_METRICS } from '../../src/ports/handover-metrics.js';
import type { Message } from '../../src/types.js';

const ENTRY = { id: 'price', questions: ['How much does a session cost?'], answer: 'A session costs 80 euros.' };

/** An assistant over a model that fails or answers as told, with the breaker's clock in the test's hands. */
function assistant(modelAnswers: () => 'down' | 'up') {
  let now = 0;
  const breaker = createModelCircuitBreaker({ failuresToOpen: 3, openMs: 30_000, now: () => new Date(now) });
  const requests: ChatRequest[] = [];
  const model: ChatModel = {
    async complete(request) {
      requests.push(request);
      return modelAnswers() === 'down' ? { ok: false, failure: 'unavailable' } : { ok: true, text: 'It is 80 euros.', toolCall: null, usage: null };
    },
  };
  const responder = createAssistantResponder({
    bot: { id: 'coach', rules: [] },
    config: assistantConfigSchema.parse({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 1_000, fallback: 'faq' }),
    knowledgeBase: createKnowledgeBaseResponder([ENTRY]),
    model,
    breaker,
    metrics: NO_METRICS,
    log: { warn() {} },
  });
  return { responder, breaker, requests, advance: (ms: number) => (now += ms) };
}

describe("an assistant's turns while its model is down", () => {
  it('answers from the knowledge base without reading the conversation once the breaker is open', async () => {
    const { responder, requests } = assistant(() => 'down');
    let transcriptReads = 0;
    const transcript = async (): Promise<Message[]> => {
      transcriptReads += 1;
      return [];
    };
    for (let i = 0; i < 3; i++) await responder.answer({ text: 'How much does a session cost?', transcript });
    expect(requests).toHaveLength(3);
    expect(transcriptReads).toBe(3);

    const answer = await responder.answer({ text: 'How much does a session cost?', transcript });
    expect(answer).toMatchObject({ answered: true, answer: 'A session costs 80 euros.' });
    expect(requests).toHaveLength(3);
    expect(transcriptReads).toBe(3);
  });

  it("a trial call the conversation's read stopped neither closes nor reopens the breaker, and the next turn makes it", async () => {
    let model: 'down' | 'up' = 'down';
    const { responder, breaker, requests, advance } = assistant(() => model);
    const transcript = async (): Promise<Message[]> => [];
    for (let i = 0; i < 3; i++) await responder.answer({ text: 'How much does a session cost?', transcript });
    expect(breaker.state).toBe('open');
    advance(30_000);
    model = 'up';
    const unreadable = async (): Promise<Message[]> => {
      throw new Error('the database is down');
    };
    await expect(responder.answer({ text: 'How much does a session cost?', transcript: unreadable })).rejects.toThrow('the database is down');
    expect(requests).toHaveLength(3);
    const answer = await responder.answer({ text: 'How much does a session cost?', transcript });
    expect(answer).toMatchObject({ answered: true, answer: 'It is 80 euros.' });
    expect(breaker.state).toBe('closed');
  });
});
