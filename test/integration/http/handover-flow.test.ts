import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../adapters/server/start-service.js';
import { updateBotSwitches } from '../../../src/bots/bot-settings.js';
import { DEFAULT_CLOSING_MESSAGE } from '../../../src/rules/handover-rule-schema.js';
import { api, startTestService, testDatabaseUri } from '../../support/test-service.js';
import { storedConversation } from '../../support/stored-state.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

async function startConversation(text: string) {
  const response = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text } });
  expect(response.status).toBe(200);
  return response.body;
}

describe('customer asks the demo bot for a person', () => {
  it('hands over: closing message, paused, tagged, waiting, task due in 24 h', async () => {
    const before = Date.now();
    const turn = await startConversation('Can I speak with someone?');
    expect(turn.conversationId).toMatch(/^cv_/);
    expect(turn.token).toEqual(expect.any(String));
    expect(turn.status).toBe('waiting');
    expect(turn.paused).toBe(true);
    expect(turn.tags).toEqual(['human_handover']);
    expect(turn.assignee).toBeNull();
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]).toMatchObject({ from: 'bot', text: DEFAULT_CLOSING_MESSAGE });
    expect(turn.handover).toMatchObject({ trigger: 'contact_request', rule: 'default', taskId: expect.stringMatching(/^tk_/) });
    const dueIn = new Date(turn.handover.taskDueAt).getTime() - before;
    expect(dueIn).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(dueIn).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
  });

  it('stores later messages without a bot reply while paused', async () => {
    const first = await startConversation('real human please');
    const later = await api(service, 'POST', '/api/v1/bots/demo/messages', {
      body: { text: 'How much does coaching cost?', conversationId: first.conversationId },
      token: first.token,
    });
    expect(later.status).toBe(200);
    expect(later.body.replies).toEqual([]);
    expect(later.body.paused).toBe(true);
    expect(later.body.handover).toBeNull();

    const view = await api(service, 'GET', `/api/v1/conversations/${first.conversationId}`, { token: first.token });
    expect(view.status).toBe(200);
    expect(view.body.messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
      ['customer', 'real human please'],
      ['bot', DEFAULT_CLOSING_MESSAGE],
      ['customer', 'How much does coaching cost?'],
    ]);
    expect(view.body.tasks).toHaveLength(1);
    expect(view.body.tasks[0]).toMatchObject({ status: 'open', note: 'Follow up with the customer' });
    expect(view.body.handovers).toEqual([expect.objectContaining({ trigger: 'contact_request', rule: 'default' })]);
  });
});

describe('many messages at once', () => {
  it('stores every one of 20 simultaneous customer messages to a handed-over conversation', async () => {
    const first = await startConversation('I want to talk to a human');
    const texts = Array.from({ length: 20 }, (_, i) => `message ${i}`);
    const responses = await Promise.all(
      texts.map((text, i) =>
        api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text, messageId: `burst-${i}`, conversationId: first.conversationId }, token: first.token }),
      ),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const view = await api(service, 'GET', `/api/v1/conversations/${first.conversationId}`, { token: first.token });
    const stored = view.body.messages.filter((m: { from: string }) => m.from === 'customer').map((m: { text: string }) => m.text);
    expect(stored.sort()).toEqual(['I want to talk to a human', ...texts].sort());
  });
});

describe('the bot answers what it knows and hands over on the other triggers', () => {
  it('answers a known question from the knowledge base without handing over', async () => {
    const turn = await startConversation('How much does a session cost?');
    expect(turn.status).toBe('bot');
    expect(turn.handover).toBeNull();
    expect(turn.replies[0].from).toBe('bot');
    expect(turn.replies[0].text).toContain('$90');
  });

  it('hands over an unknown question as lack_of_information', async () => {
    const turn = await startConversation('What is the airspeed velocity of an unladen swallow in the Andes?');
    expect(turn.handover?.trigger).toBe('lack_of_information');
    expect(turn.status).toBe('waiting');
  });

  it('hands over "I want to file a chargeback" as sensitive_topic', async () => {
    const turn = await startConversation('I want to file a chargeback');
    expect(turn.handover?.trigger).toBe('sensitive_topic');
  });

  it('hands over after two unhelpful answers as failed_resolution (feedback API)', async () => {
    const first = await startConversation('How long is a session?');
    expect(first.handover).toBeNull();
    const once = await api(service, 'POST', `/api/v1/conversations/${first.conversationId}/feedback`, {
      body: { helpful: false },
      token: first.token,
    });
    expect(once.status).toBe(200);
    expect(once.body.handover).toBeNull();
    expect(once.body.replies).toHaveLength(1);
    const twice = await api(service, 'POST', `/api/v1/conversations/${first.conversationId}/feedback`, {
      body: { helpful: false },
      token: first.token,
    });
    expect(twice.body.handover).toMatchObject({ trigger: 'failed_resolution', rule: 'default' });
    expect(twice.body.status).toBe('waiting');
  });

  it('hands over when the customer says twice that the answer did not help', async () => {
    const first = await startConversation('How do I book a session?');
    const say = (text: string) =>
      api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text, conversationId: first.conversationId }, token: first.token });
    const once = await say("that didn't help");
    expect(once.body.handover).toBeNull();
    const twice = await say('this is not helpful at all');
    expect(twice.body.handover?.trigger).toBe('failed_resolution');
  });

  it('never hands over when Labs is off', async () => {
    await updateBotSwitches(service.ctx, 'demo', { labs: false });
    try {
      const turn = await startConversation('Can I speak with someone?');
      expect(turn.handover).toBeNull();
      expect(turn.status).toBe('bot');
      expect(turn.paused).toBe(false);
      expect(turn.replies).toHaveLength(1);
    } finally {
      await updateBotSwitches(service.ctx, 'demo', { labs: true });
    }
  });

  it('never hands over when handover is switched off for the bot', async () => {
    await updateBotSwitches(service.ctx, 'demo', { handover: false });
    try {
      const turn = await startConversation('let me talk to an agent');
      expect(turn.handover).toBeNull();
    } finally {
      await updateBotSwitches(service.ctx, 'demo', { handover: true });
    }
  });
});

describe('retries and bad input', () => {
  it('stores a retried messageId once and answers it the same', async () => {
    const body = { text: 'When are you open?', messageId: 'opening-when-open-7f3a9c2e41b8' };
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body });
    const retry = await api(service, 'POST', '/api/v1/bots/demo/messages', { body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    // replayed from the transcript, where the bot's answer is stored with the message: no answer receipt is written
    expect(await service.mongo.store.receipts.countDocuments({ conversationId: first.body.conversationId, turnResult: { $ne: null } })).toBe(0);

    const next = { text: 'Do you work on weekends?', messageId: 'client-msg-2', conversationId: first.body.conversationId };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api(service, 'POST', '/api/v1/bots/demo/messages', { body: next, token: first.body.token })),
    );
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.body.replies).toEqual(results[0]!.body.replies);
    }
    const view = await api(service, 'GET', `/api/v1/conversations/${first.body.conversationId}`, { token: first.body.token });
    const customerTexts = view.body.messages.filter((m: { from: string }) => m.from === 'customer').map((m: { text: string }) => m.text);
    expect(customerTexts).toEqual(['When are you open?', 'Do you work on weekends?']);
  });

  it('answers a retried handover request the same, handover included, and hands over once', async () => {
    const body = { text: 'Can I talk to a person please?', messageId: 'opening-handover-5d0e8b7a92c1f4' };
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body });
    expect(first.body.handover.trigger).toBe('contact_request');
    const retries = await Promise.all(Array.from({ length: 3 }, () => api(service, 'POST', '/api/v1/bots/demo/messages', { body })));
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
    }
    const stored = await storedConversation(service, first.body.conversationId);
    expect(stored?.handovers).toHaveLength(1);
  });

  it('starts a single conversation when the first message is retried concurrently', async () => {
    const body = { text: 'Who are your coaches?', messageId: 'opening-concurrent-c81f0a6e3b27d9' };
    const results = await Promise.all(Array.from({ length: 5 }, () => api(service, 'POST', '/api/v1/bots/demo/messages', { body })));
    const ids = new Set(results.map((result) => result.body.conversationId));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(ids.size).toBe(1);
    const view = await api(service, 'GET', `/api/v1/conversations/${results[0]!.body.conversationId}`, { token: results[0]!.body.token });
    expect(view.body.messages.filter((m: { from: string }) => m.from === 'customer').map((m: { text: string }) => m.text)).toEqual(['Who are your coaches?']);
  });

  it.each([
    ['invalid JSON', { rawBody: '{"text": ' }, 400, 'invalid_json'],
    ['empty text', { body: { text: '' } }, 400, 'invalid_input'],
    ['blank text', { body: { text: '   ' } }, 400, 'invalid_input'],
    ['non-string text', { body: { text: 42 } }, 400, 'invalid_input'],
    ['text over 4000 chars', { body: { text: 'a'.repeat(4001) } }, 400, 'invalid_input'],
    ['an array body', { body: [{ text: 'hi' }] }, 400, 'invalid_input'],
    ['operator injection in conversationId', { body: { text: 'hi', conversationId: { $ne: null } } }, 400, 'invalid_input'],
    ['operator injection in messageId', { body: { text: 'hi', messageId: { $gt: '' } } }, 400, 'invalid_input'],
    ['a body over 64 kB', { rawBody: JSON.stringify({ text: 'a'.repeat(70_000) }) }, 413, 'payload_too_large'],
  ])('refuses %s with %i and a message', async (_name, options, status, code) => {
    const response = await api(service, 'POST', '/api/v1/bots/demo/messages', options);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toEqual(expect.any(String));
  });

  it('answers 404 for an unknown bot, and 401 alike for an unknown conversation or a wrong or missing token', async () => {
    expect((await api(service, 'POST', '/api/v1/bots/nope/messages', { body: { text: 'hi' } })).status).toBe(404);
    expect((await api(service, 'POST', '/api/v1/bots/$where/messages', { body: { text: 'hi' } })).status).toBe(404);
    const first = await startConversation('What payment methods do you accept?');
    const path = `/api/v1/conversations/${first.conversationId}`;
    expect((await api(service, 'GET', path)).status).toBe(401);
    expect((await api(service, 'GET', path, { token: 'wrong-token' })).status).toBe(401);
    expect((await api(service, 'GET', '/api/v1/conversations/cv_AAAAAAAAAAAAAAAA', { token: first.token })).status).toBe(401);
    const continued = await api(service, 'POST', '/api/v1/bots/demo/messages', {
      body: { text: 'hi', conversationId: first.conversationId },
      token: 'forged',
    });
    expect(continued.status).toBe(401);
    expect(continued.body.error.message).toMatch(/token/);
  });

  it('reports health and readiness', async () => {
    expect((await api(service, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api(service, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
  });
});
