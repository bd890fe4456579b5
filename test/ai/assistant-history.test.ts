import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { TRANSCRIPT_MESSAGES } from '../../src/assistant/assistant-prompt.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';
import { startChatCompletionsStandIn } from './chat-completions-stand-in.js';

let model: Awaited<ReturnType<typeof startChatCompletionsStandIn>>;
let service: RunningService;
/** A second replica on the same database: it has written none of the conversation it is asked about. */
let replica: RunningService;

beforeAll(async () => {
  // the model answers each question by echoing its number, so each answer is told apart
  model = await startChatCompletionsStandIn((call) => ({ text: `Answer to ${call.messages.at(-1)?.content ?? ''}` }));
  const options = {
    mongodbUri: testDatabaseUri(),
    assistantApiKeys: { HISTORY_MODEL_KEY: 'sk-test-history' },
    botConfigs: [
      botConfigSchema.parse({
        id: 'history',
        name: 'AI history',
        labs: true,
        knowledgeBase: [{ id: 'hours', questions: ['What are your opening hours?'], answer: 'We are open 9am to 5pm.' }],
        assistant: { baseUrl: model.url, model: 'history', apiKeyEnv: 'HISTORY_MODEL_KEY', timeoutMs: 2_000 },
        rules: [{ name: 'default', triggers: ['contact_request'] }],
      }),
    ],
  };
  service = await startTestService(options);
  replica = await startTestService(options);
});
afterAll(async () => {
  await replica?.stop();
  await service?.stop();
  await model?.close();
});

describe('the model sees the conversation so far', () => {
  it('is given the last messages of the conversation, in order, each turn', async () => {
    const questions = ['question one', 'question two', 'question three', 'question four', 'question five', 'question six', 'question seven'];
    let conversationId: string | undefined;
    let token: string | undefined;
    for (const [turn, text] of questions.entries()) {
      const response = await api(service, 'POST', '/api/v1/bots/history/messages', conversationId ? { token, body: { conversationId, text } } : { body: { text } });
      expect(response.status).toBe(200);
      expect(response.body.replies).toEqual([expect.objectContaining({ from: 'bot', text: `Answer to ${text}` })]);
      conversationId ??= response.body.conversationId;
      token ??= response.body.token;

      const call = model.calls.at(-1)!;
      const earlier = questions.slice(0, turn).flatMap((question) => [
        { role: 'user', content: question },
        { role: 'assistant', content: `Answer to ${question}` },
      ]);
      // the system prompt first, the message being answered last
      expect(call.messages.slice(1, -1).map(({ role, content }) => ({ role, content }))).toEqual(earlier.slice(-TRANSCRIPT_MESSAGES));
      expect(call.messages.at(-1)).toMatchObject({ role: 'user', content: text });
    }
  });

  it('is given a turn another replica stored after this one last wrote the conversation', async () => {
    const first = await api(service, 'POST', '/api/v1/bots/history/messages', { body: { text: 'one on the first replica' } });
    const { conversationId, token } = first.body;
    expect((await api(replica, 'POST', '/api/v1/bots/history/messages', { token, body: { conversationId, text: 'two on the second' } })).status).toBe(200);
    expect((await api(service, 'POST', '/api/v1/bots/history/messages', { token, body: { conversationId, text: 'three on the first again' } })).status).toBe(200);
    const call = model.calls.at(-1)!;
    expect(call.messages.slice(1).map(({ role, content }) => ({ role, content }))).toEqual([
      { role: 'user', content: 'one on the first replica' },
      { role: 'assistant', content: 'Answer to one on the first replica' },
      { role: 'user', content: 'two on the second' },
      { role: 'assistant', content: 'Answer to two on the second' },
      { role: 'user', content: 'three on the first again' },
    ]);
  });

  it('is given the earlier turns on a replica that did not write them', async () => {
    const first = await api(service, 'POST', '/api/v1/bots/history/messages', { body: { text: 'first on one replica' } });
    expect(first.status).toBe(200);
    const { conversationId, token } = first.body;
    for (const text of ['then on the other', 'and again there']) {
      const response = await api(replica, 'POST', '/api/v1/bots/history/messages', { token, body: { conversationId, text } });
      expect(response.status).toBe(200);
      expect(response.body.replies).toEqual([expect.objectContaining({ from: 'bot', text: `Answer to ${text}` })]);
    }
    const call = model.calls.at(-1)!;
    expect(call.messages.slice(1).map(({ role, content }) => ({ role, content }))).toEqual([
      { role: 'user', content: 'first on one replica' },
      { role: 'assistant', content: 'Answer to first on one replica' },
      { role: 'user', content: 'then on the other' },
      { role: 'assistant', content: 'Answer to then on the other' },
      { role: 'user', content: 'and again there' },
    ]);
  });
});
