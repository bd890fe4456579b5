import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEscalationView } from '../../src/handover/escalation-view.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import { CHUNKS_PER_BLOCK, readTranscript } from '../../adapters/mongo/transcript.js';
import { storedConversationFields } from '../support/stored-conversation.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

const QUESTIONS = ['How much does a session cost?', 'When are you open?', 'How long is a session?'];
const EARLIER = new Date('2026-01-01T10:00:00Z');

/** A conversation as an earlier version stored it, with `transcript` its way of keeping the transcript. */
async function insertEarlierConversation(id: string, transcript: Record<string, unknown>): Promise<void> {
  await service.mongo.store.conversations.collection.insertOne({
    ...(storedConversationFields(id, EARLIER) as object),
    _id: id as never,
    ...transcript,
  });
}

describe('a long conversation', () => {
  it('keeps its transcript in chunks apart from the conversation, and reads it back whole and in order', async () => {
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

    // 26 customer turns (25 answered, one handed over) and the closing message
    const stored = await service.mongo.store.conversations.findById(conversationId).lean();
    expect(stored).toMatchObject({ chunkCount: 27 });
    expect(stored).not.toHaveProperty('messages');
    expect(stored).not.toHaveProperty('messageCount');
    const written = await service.mongo.store.transcriptChunks.find({ conversationId }).lean();
    const chunks = written.filter((doc) => doc.chunk !== undefined);
    expect(chunks.map((chunk) => chunk.chunk).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 27 }, (_, i) => i));
    // the first whole read folded the first CHUNKS_PER_BLOCK chunks into a block, which later reads use
    const blocks = written.filter((doc) => doc.block !== undefined);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.messages.map((m) => m.id)).toEqual(messages.slice(0, 2 * CHUNKS_PER_BLOCK).map((m) => m.id));
    const again = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(again.body.messages).toEqual(view.body.messages);

    const escalation = await loadEscalationView(service.ctx, conversationId);
    expect(escalation.transcript.map((m) => m.id)).toEqual(messages.slice(-8).map((m) => m.id));
  });

  it('does not fold a block while one of its chunks is missing (an append on its way), and reads what is there', async () => {
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: QUESTIONS[0] } });
    const { conversationId, token } = first.body;
    for (let turn = 1; turn < CHUNKS_PER_BLOCK + 2; turn += 1) {
      await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId, text: QUESTIONS[turn % QUESTIONS.length] } });
    }
    const { store } = service.mongo;
    const missing = await store.transcriptChunks.findByIdAndDelete(`${conversationId}:c3`).lean();
    const doc = (await store.conversations.findById(conversationId).lean())!;
    const partial = await readTranscript(store, doc);
    expect(partial).toHaveLength(2 * (CHUNKS_PER_BLOCK + 2) - 2);
    expect(partial.map((m) => m.id)).not.toContain(missing!.messages[0]!.id);
    expect(await store.transcriptChunks.exists({ _id: `${conversationId}:b0` })).toBeNull();

    // the append lands: the next read has it, and folds the block with it
    await store.transcriptChunks.create(missing!);
    expect(await readTranscript(store, doc)).toHaveLength(2 * (CHUNKS_PER_BLOCK + 2));
    const block = await store.transcriptChunks.findById(`${conversationId}:b0`).lean();
    expect(block!.messages).toHaveLength(2 * CHUNKS_PER_BLOCK);
  });

  it('still reads a transcript stored inside the conversation before pages existed, then the pages after it', async () => {
    const id = 'cv_legacyTranscrpt0';
    await insertEarlierConversation(id, {
      messages: [
        { id: 'msg_00000000a', from: 'customer', text: 'Hello', at: EARLIER, author: null },
        { id: 'msg_00000000b', from: 'bot', text: 'Hi! How can I help?', at: EARLIER, author: null },
      ],
    });
    const token = service.ctx.tokens.issue(id);
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId: id, text: QUESTIONS[1] } });
    expect(turn.body).toMatchObject({ conversationId: id });

    const view = await api(service, 'GET', `/api/v1/conversations/${id}`, { token });
    expect(view.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hello', 'Hi! How can I help?', QUESTIONS[1], turn.body.replies[0].text]);
  });

  it('still reads a transcript kept in pages by the previous version, then the chunks written after it', async () => {
    const id = 'cv_legacyPages00000';
    const at = EARLIER;
    await insertEarlierConversation(id, { messageCount: 3 });
    await service.mongo.store.transcriptPages.collection.insertOne({
      _id: `${id}:p0` as never,
      conversationId: id,
      page: 0,
      messages: [
        { id: 'msg_00000000a', from: 'customer', text: 'Hello', at, author: null },
        { id: 'msg_00000000b', from: 'bot', text: 'Hi! How can I help?', at, author: null },
        { id: 'msg_00000000c', from: 'customer', text: 'Thanks', at, author: null },
      ],
    });
    const token = service.ctx.tokens.issue(id);
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId: id, text: QUESTIONS[1] } });
    expect(turn.status).toBe(200);

    const view = await api(service, 'GET', `/api/v1/conversations/${id}`, { token });
    expect(view.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hello', 'Hi! How can I help?', 'Thanks', QUESTIONS[1], turn.body.replies[0].text]);
    const escalation = await loadEscalationView(service.ctx, id);
    expect(escalation.transcript.map((m) => m.text)).toEqual(view.body.messages.slice(-escalation.transcript.length).map((m: { text: string }) => m.text));
    expect(escalation.transcript.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a message for another bot's conversation, and writes nothing", async () => {
    await service.mongo.store.bots.create({ _id: 'other-bot', name: 'Other' });
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: QUESTIONS[0] } });
    const { conversationId, token } = first.body;
    const before = await service.mongo.store.conversations.findById(conversationId).lean();

    const wrong = await api(service, 'POST', '/api/v1/bots/other-bot/messages', { token, body: { conversationId, text: QUESTIONS[1] } });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toContain(conversationId);
    const after = await service.mongo.store.conversations.findById(conversationId).lean();
    expect(after).toEqual(before);
    expect(await service.mongo.store.transcriptChunks.countDocuments({ conversationId })).toBe(1);
  });
});
