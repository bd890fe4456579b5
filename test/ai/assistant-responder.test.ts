import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { startChatCompletionsStandIn, type ChatCompletionsCall, type StandInReply } from './chat-completions-stand-in.js';

const KNOWLEDGE_BASE = [
  { id: 'hours', questions: ['What are your opening hours?', 'When are you open?'], answer: 'We are open 9am to 5pm, Monday to Friday.' },
  { id: 'shipping', questions: ['How long does shipping take?', 'When will my order arrive?'], answer: 'Orders ship within 2 working days.' },
];
const TIMEOUT_MS = 400;
/** Past the model's timeout, what a turn may take on a loaded 2-core machine (database writes, the HTTP round trip). */
const TURN_MARGIN_MS = 1_500;
const FAILURES_TO_OPEN = 3;
const OPEN_MS = 60_000;

let model: Awaited<ReturnType<typeof startChatCompletionsStandIn>>;
let service: RunningService;
let clockOffsetMs = 0;
let downModelHealthy = false;

function isSummary(call: ChatCompletionsCall): boolean {
  return !call.tools?.length;
}

/** Each bot's model name says how the stand-in behaves. */
function reply(call: ChatCompletionsCall): StandInReply {
  if (call.model === 'hang') return { hang: true };
  if (isSummary(call)) return { text: 'The customer wants help. The assistant tried the knowledge base.' };
  const last = call.messages.at(-1)?.content ?? '';
  switch (call.model) {
    case 'grounded':
      return { text: 'From the knowledge base: we are open 9am to 5pm on weekdays.' };
    case 'cannot':
      return { tool: 'cannot_answer', arguments: { reason: 'The entries say nothing about parking.' } };
    case 'guided':
      return /chest pain/.test(last)
        ? { tool: 'hand_over', arguments: { rule: 'emergencies', reason: 'The customer mentions chest pain.' } }
        : { text: 'Happy to help with that.' };
    case 'down':
      return downModelHealthy ? { text: 'Back up: we are open 9am to 5pm.' } : { status: 503 };
    default:
      return { status: 400 };
  }
}

function aiBot(id: string, modelName: string, assistant: Record<string, unknown> = {}, rules?: Array<Record<string, unknown>>) {
  return botConfigSchema.parse({
    id,
    name: `AI ${id}`,
    labs: true,
    knowledgeBase: KNOWLEDGE_BASE,
    assistant: { baseUrl: model.url, model: modelName, apiKeyEnv: 'TEST_MODEL_KEY', timeoutMs: TIMEOUT_MS, ...assistant },
    rules: rules ?? [{ name: 'default', triggers: ['contact_request', 'lack_of_information', 'failed_resolution', 'sensitive_topic'] }],
  });
}

beforeAll(async () => {
  model = await startChatCompletionsStandIn(reply);
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    clock: () => new Date(Date.now() + clockOffsetMs),
    assistantApiKeys: { TEST_MODEL_KEY: 'sk-test-123' },
    assistantBreaker: { failuresToOpen: FAILURES_TO_OPEN, openMs: OPEN_MS },
    botConfigs: [
      aiBot('grounded', 'grounded'),
      aiBot('cannot', 'cannot'),
      aiBot('guided', 'guided', {}, [
        { name: 'default', triggers: ['contact_request', 'lack_of_information', 'failed_resolution', 'sensitive_topic'] },
        { name: 'emergencies', triggers: ['sensitive_topic'], sensitiveTopics: ['legal'], guidance: 'Hand over when the customer mentions a medical emergency.', tags: ['urgent'] },
      ]),
      aiBot('slow-faq', 'hang', { fallback: 'faq' }),
      aiBot('slow-handover', 'hang', { fallback: 'handover' }),
      aiBot('down', 'down', { fallback: 'faq' }),
    ],
  });
});
afterAll(async () => {
  await service?.stop();
  await model?.close();
});

async function say(botId: string, text: string) {
  const started = performance.now();
  const response = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text } });
  expect(response.status).toBe(200);
  return { ...response.body, elapsedMs: performance.now() - started };
}

async function latestHandover(conversationId: string) {
  return (await service.ctx.conversations.find(conversationId))!.handovers.at(-1)!;
}

describe('an AI assistant answers grounded in the knowledge base', () => {
  it("answers with the model's words, having given it the matching entry and the API key", async () => {
    const turn = await say('grounded', 'what time do you open in the morning?');
    expect(turn.handover).toBeNull();
    expect(turn.replies).toEqual([expect.objectContaining({ from: 'bot', text: 'From the knowledge base: we are open 9am to 5pm on weekdays.' })]);
    const call = model.callsFor('grounded').at(-1)!;
    expect(call.messages[0]!.role).toBe('system');
    expect(call.messages[0]!.content).toContain('We are open 9am to 5pm, Monday to Friday.');
    expect(call.messages.at(-1)).toEqual({ role: 'user', content: 'what time do you open in the morning?' });
    expect(call.tools?.map((tool) => tool.function.name)).toEqual(['cannot_answer']);
    expect(call.authorization).toBe('Bearer sk-test-123');
  });

  it('sees the earlier turns of the conversation on the next one', async () => {
    const first = await say('grounded', 'When are you open?');
    const next = await api(service, 'POST', '/api/v1/bots/grounded/messages', {
      body: { text: 'and on Saturdays?', conversationId: first.conversationId },
      token: first.token,
    });
    expect(next.status).toBe(200);
    const call = model.callsFor('grounded').at(-1)!;
    expect(call.messages.slice(1).map((message) => [message.role, message.content])).toEqual([
      ['user', 'When are you open?'],
      ['assistant', 'From the knowledge base: we are open 9am to 5pm on weekdays.'],
      ['user', 'and on Saturdays?'],
    ]);
  });

  it("hands over as lack_of_information when the model says it can't answer, with its reason", async () => {
    const turn = await say('cannot', 'Where can I park my car?');
    expect(turn.handover).toMatchObject({ trigger: 'lack_of_information', rule: 'default' });
    expect(turn.status).toBe('waiting');
    expect((await latestHandover(turn.conversationId)).reason).toBe('The assistant could not answer: The entries say nothing about parking.');
  });

  it("hands over under a rule's guidance, reported with the rule's trigger and the model's reason", async () => {
    const calm = await say('guided', 'Can you help me with my order?');
    expect(calm.handover).toBeNull();
    const guidedTools = model.callsFor('guided').at(-1)!.tools!;
    expect(guidedTools.find((tool) => tool.function.name === 'hand_over')?.function.parameters).toMatchObject({ properties: { rule: { enum: ['emergencies'] } } });
    expect(model.callsFor('guided').at(-1)!.messages[0]!.content).toContain('Hand over when the customer mentions a medical emergency.');

    const urgent = await say('guided', 'I have chest pain since I took the supplement');
    expect(urgent.handover).toMatchObject({ trigger: 'sensitive_topic', rule: 'emergencies' });
    expect(urgent.tags).toContain('urgent');
    expect((await latestHandover(urgent.conversationId)).reason).toBe('The assistant handed over: The customer mentions chest pain.');
  });

  it('asks no model when a rule hands over whatever it would say (the customer asks for a person)', async () => {
    const before = model.callsFor('grounded').filter((call) => !isSummary(call)).length;
    const turn = await say('grounded', 'Can I speak with someone please?');
    expect(turn.handover).toMatchObject({ trigger: 'contact_request' });
    expect(model.callsFor('grounded').filter((call) => !isSummary(call))).toHaveLength(before);
  });
});

describe('a slow or failing model', () => {
  it('answers from the knowledge base within the timeout when the model never answers (fallback faq)', async () => {
    const turn = await say('slow-faq', 'When are you open?');
    expect(turn.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(turn.elapsedMs).toBeLessThan(TIMEOUT_MS + TURN_MARGIN_MS);
    expect(turn.replies).toEqual([expect.objectContaining({ from: 'bot', text: 'We are open 9am to 5pm, Monday to Friday.' })]);
    expect(turn.handover).toBeNull();
  });

  it('hands over as lack_of_information within the timeout when so configured (fallback handover)', async () => {
    const turn = await say('slow-handover', 'When are you open?');
    expect(turn.handover).toMatchObject({ trigger: 'lack_of_information' });
    // one timeout for the answer and, the breaker still closed, one for the team's summary
    expect(turn.elapsedMs).toBeLessThan(2 * TIMEOUT_MS + TURN_MARGIN_MS);
    const handover = await latestHandover(turn.conversationId);
    expect(handover.reason).toBe('The assistant was unavailable (timeout).');
    expect(handover.summary).toBe('The customer asked “When are you open?”. The bot did not answer.');
  });

  it('stops calling a model that is down once its breaker opens, and tries again after the pause', async () => {
    for (let turn = 0; turn < FAILURES_TO_OPEN + 3; turn += 1) {
      const answered = await say('down', 'When are you open?');
      expect(answered.replies).toEqual([expect.objectContaining({ text: 'We are open 9am to 5pm, Monday to Friday.' })]);
    }
    expect(model.callsFor('down')).toHaveLength(FAILURES_TO_OPEN);
    const metrics = await fetch(`${service.url}/metrics`).then((response) => response.text());
    expect(metrics).toMatch(/handover_model_breaker_state\{bot="down"\} 2/);
    expect(metrics).toMatch(/handover_model_errors_total\{bot="down",purpose="answer",kind="unavailable"\} 3/);
    expect(metrics).toMatch(/handover_model_errors_total\{bot="down",purpose="answer",kind="breaker_open"\} 3/);

    downModelHealthy = true;
    clockOffsetMs += OPEN_MS + 1_000;
    const back = await say('down', 'When are you open?');
    expect(back.replies).toEqual([expect.objectContaining({ text: 'Back up: we are open 9am to 5pm.' })]);
    expect(model.callsFor('down')).toHaveLength(FAILURES_TO_OPEN + 1);
    const after = await waitFor(async () => {
      const text = await fetch(`${service.url}/metrics`).then((response) => response.text());
      return /handover_model_breaker_state\{bot="down"\} 0/.test(text) && text;
    });
    expect(after).toMatch(/handover_model_tokens_total\{bot="grounded",type="prompt"\} \d+/);
  });
});
