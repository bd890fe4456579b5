import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEscalationView } from '../../adapters/escalation-view.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import { TRANSCRIPT_PAGE_SIZE } from '../../src/storage/transcript.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

const QUESTIONS = ['How much does a session cost?', 'When are you open?', 'How long is a session?'];

describe('a long conversation', () => {
  it('keeps its transcript in pages apart from the conversation, and reads it back whole and in order', async () => {
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: QUESTIONS[0] } });
    const { conversationId, token } = first.body;
    const sent = [QUESTIONS[0]];
    for (let turn = 1; turn < 25; turn += 1) {
      const text = QUESTIONS[turn % QUESTIONS.length]!;
      const answer = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId, text, messageId: `m${turn}` } });
      expect(answer.status).toBe(200);
      sent.push(text);
    }
    const handover = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId, text: 'Can I speak with someone?' } });
    expect(handover.body.status).toBe('waiting');
    sent.push('Can I speak with someone?');

    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    const messages = view.body.messages as Array<{ id: string; from: string; text: string }>;
    expect(messages).toHaveLength(52);
    expect(messages.filter((m) => m.from === 'customer').map((m) => m.text)).toEqual(sent);
    expect(messages.map((m) => m.id)).toEqual([...messages.map((m) => m.id)].sort());
    expect(messages.at(-1)!.from).toBe('bot');

    const stored = await service.ctx.store.conversations.findById(conversationId).lean();
    expect(stored).toMatchObject({ messageCount: 52 });
    expect(stored).not.toHaveProperty('messages');
    const pages = await service.ctx.store.transcriptPages.find({ conversationId }).lean();
    expect(pages.map((page) => page.page).sort()).toEqual([0, 1, 2]);
    for (const page of pages) expect(page.messages.length).toBeLessThanOrEqual(TRANSCRIPT_PAGE_SIZE + 1);

    const escalation = await loadEscalationView(service.ctx, conversationId);
    expect(escalation.transcript.map((m) => m.id)).toEqual(messages.slice(-8).map((m) => m.id));
  });

  it('still reads a transcript stored inside the conversation before pages existed, then the pages after it', async () => {
    const id = 'cv_legacyTranscrpt0';
    const at = new Date('2026-01-01T10:00:00Z');
    await service.ctx.store.conversations.collection.insertOne({
      _id: id as never,
      botId: 'demo',
      status: 'bot',
      paused: false,
      tags: [],
      assignee: null,
      customer: {},
      failedTurns: 0,
      lastCustomerText: 'Hello',
      lastHandoverId: null,
      channelRefs: {},
      taskIds: [],
      handovers: [],
      createdAt: at,
      updatedAt: at,
      messages: [
        { id: 'msg_00000000a', from: 'customer', text: 'Hello', at, author: null },
        { id: 'msg_00000000b', from: 'bot', text: 'Hi! How can I help?', at, author: null },
      ],
    });
    const token = service.ctx.tokens.issue(id);
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId: id, text: QUESTIONS[1] } });
    expect(turn.body).toMatchObject({ conversationId: id });

    const view = await api(service, 'GET', `/api/v1/conversations/${id}`, { token });
    expect(view.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hello', 'Hi! How can I help?', QUESTIONS[1], turn.body.replies[0].text]);
  });
});
