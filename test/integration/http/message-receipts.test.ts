import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../adapters/server/start-service.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../../support/test-service.js';

let service: RunningService;
let clockOffsetMs = 0;
const DAY_MS = 24 * 60 * 60_000;

beforeAll(async () => {
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    clock: () => new Date(Date.now() + clockOffsetMs),
    receiptExpiryEveryMs: 200,
  });
});
afterAll(async () => {
  await service?.stop();
});

const send = (body: object, token?: string) => api(service, 'POST', '/api/v1/bots/demo/messages', { body, token });

describe('client message ids never cross customers', () => {
  it('refuses a guessable id on a first message instead of handing one customer another customer\'s conversation', async () => {
    const first = await send({ text: 'My card number is 4111 1111 1111 1111', messageId: 'm-1' });
    const second = await send({ text: 'hello', messageId: 'm-1' });
    for (const answer of [first, second]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/messageId: .*random id of at least 22 characters/);
      expect(answer.body.token).toBeUndefined();
    }
  });

  it('answers a reused opening id with other content 409, without a token or the first conversation', async () => {
    const messageId = randomUUID();
    const victim = await send({ text: 'My IBAN is DE89 3704 0044 0532 0130 00', messageId, customer: { name: 'Vic' } });
    expect(victim.status).toBe(200);
    const attacker = await send({ text: 'hello', messageId });
    expect(attacker.status).toBe(409);
    expect(JSON.stringify(attacker.body)).not.toContain(victim.body.conversationId);
    expect(attacker.body.token).toBeUndefined();
    // the same customer's genuine retry is still answered, with a working token
    const retry = await send({ text: 'My IBAN is DE89 3704 0044 0532 0130 00', messageId, customer: { name: 'Vic' } });
    expect(retry.status).toBe(200);
    expect(retry.body.conversationId).toBe(victim.body.conversationId);
    const view = await api(service, 'GET', `/api/v1/conversations/${retry.body.conversationId}`, { token: retry.body.token });
    expect(view.status).toBe(200);
  });

  it('refuses a reused id with other text in the same conversation instead of replaying the earlier answer', async () => {
    const opening = await send({ text: 'When are you open?', messageId: randomUUID() });
    const { conversationId, token } = opening.body;
    const asked = await send({ text: 'How much does a session cost?', conversationId, messageId: 'turn-2' }, token);
    expect(asked.status).toBe(200);
    const reused = await send({ text: 'Who are your coaches?', conversationId, messageId: 'turn-2' }, token);
    expect(reused.status).toBe(409);
  });
});

describe('receipts expire', () => {
  it('forgets a message id after a day: the same id starts afresh, and the stored receipts are removed', async () => {
    const body = { text: 'Do you offer a free trial?', messageId: randomUUID() };
    const first = await send(body);
    expect(first.status).toBe(200);
    expect(await service.mongo.store.receipts.countDocuments({ conversationId: first.body.conversationId })).toBeGreaterThan(0);
    clockOffsetMs = DAY_MS + 60_000;
    try {
      const later = await send(body);
      expect(later.status).toBe(200);
      expect(later.body.conversationId).not.toBe(first.body.conversationId);
      await waitFor(async () => (await service.mongo.store.receipts.countDocuments({ conversationId: first.body.conversationId })) === 0);
    } finally {
      clockOffsetMs = 0;
    }
  });
});
