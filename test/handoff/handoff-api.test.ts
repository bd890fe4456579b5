import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { customerApiOpenApi } from '../../adapters/webchat/openapi.js';
import { conversationResponseSchema } from '../../adapters/webchat/customer-api-responses.js';
import { forwardedMessageResponseSchema, handoffResponseSchema } from '../../adapters/webchat/handoff-api-schemas.js';
import { handoffWebhookAdapter } from '../../adapters/webhook/handoff-webhook-notifier.js';
import { configureBotWebhook } from '../../src/handoff/bot-webhook-settings.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { transferConversation } from '../../src/handover/transfer-conversation.js';
import { createApiKey } from '../../src/api-keys/api-keys.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { postAgentReply } from '../../src/handover/post-agent-reply.js';
import { forgetOldHandoffKeys, HANDOFF_KEY_MEMORY_MS } from '../../src/handover/accept-handoff.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { externalBot, startReceiver } from './external-bot.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { storedConversation } from '../support/stored-state.js';

let service: RunningService;
let shopKey: string;
let otherKey: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;



beforeAll(async () => {
  receiver = await startReceiver();
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    botConfigs: [externalBot('shop'), externalBot('other')],
    outboxBaseDelayMs: 200,
    adapters: [handoffWebhookAdapter({ allowInternal: ['127.0.0.1'] })],
  });
  shopKey = (await createApiKey(service.ctx, 'shop', new Date())).key;
  otherKey = (await createApiKey(service.ctx, 'other', new Date())).key;
});
afterAll(async () => {
  await service?.stop();
  await receiver?.close();
});

const handoff = (overrides: Record<string, unknown> = {}) => ({
  customer: { id: `c-${randomUUID()}`, name: 'Sam' },
  transcript: [
    { from: 'customer', text: 'My parcel never arrived', at: '2026-01-05T10:00:00Z' },
    { from: 'bot', text: 'I can only track parcels with a tracking number.' },
  ],
  reason: 'No tracking number',
  summary: 'Sam’s parcel is missing and has no tracking number.',
  ...overrides,
});

async function handOver(key = shopKey, body = handoff(), headers: Record<string, string> = {}) {
  return api(service, 'POST', '/api/v1/bots/shop/handoffs', { body, token: key, headers });
}

describe('Handoff API', () => {
  it('creates the handed-over conversation with the transcript, reason and summary, and a customer token', async () => {
    const accepted = await handOver();
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'waiting', assignee: null, replayed: false });
    const view = await api(service, 'GET', `/api/v1/bots/shop/handoffs/${accepted.body.conversationId}`, { token: shopKey });
    expect(view.status).toBe(200);
    expect(view.body.messages.slice(0, 2).map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
      ['customer', 'My parcel never arrived'],
      ['bot', 'I can only track parcels with a tracking number.'],
    ]);
    expect(view.body.messages[0].at).toBe('2026-01-05T10:00:00.000Z');
    expect(view.body.handovers[0]).toMatchObject({ reason: 'No tracking number' });
    const stored = await storedConversation(service, accepted.body.conversationId);
    expect(stored!.handovers[0]!.summary).toBe('Sam’s parcel is missing and has no tracking number.');
    // the token is the customer API's for this conversation
    expect((await api(service, 'GET', `/api/v1/conversations/${accepted.body.conversationId}`, { token: accepted.body.token })).status).toBe(200);
  });

  it('a retry with the same Idempotency-Key gets the same conversation, once; the same key with another body is refused', async () => {
    const body = handoff();
    const key = randomUUID();
    const waitingBefore = await service.ctx.conversations.countWithStatus('waiting');
    const [first, second] = await Promise.all([handOver(shopKey, body, { 'idempotency-key': key }), handOver(shopKey, body, { 'idempotency-key': key })]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.conversationId).toBe(second.body.conversationId);
    expect(first.body.token).toBe(second.body.token);
    expect((await storedConversation(service, first.body.conversationId))?.status).toBe('waiting');
    expect(await service.ctx.conversations.countWithStatus('waiting')).toBe(waitingBefore + 1);
    const other = await handOver(shopKey, { ...body, reason: 'Something else' }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
  });

  it('an Idempotency-Key is remembered for a day, then forgotten by the expiry job', async () => {
    const body = handoff();
    const key = randomUUID();
    const first = await handOver(shopKey, body, { 'idempotency-key': key });
    expect(await forgetOldHandoffKeys(service.ctx)).toBe(0);
    expect((await handOver(shopKey, body, { 'idempotency-key': key })).body.conversationId).toBe(first.body.conversationId);
    const dayLater = new Date(Date.now() + HANDOFF_KEY_MEMORY_MS + 60_000);
    expect(await forgetOldHandoffKeys({ ...service.ctx, now: () => dayLater })).toBeGreaterThanOrEqual(1);
    const again = await handOver(shopKey, body, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body.conversationId).not.toBe(first.body.conversationId);
  });

  it('refuses a webhook URL in the body (the operator sets it) and names bad fields', async () => {
    const withUrl = await handOver(shopKey, handoff({ webhookUrl: 'https://attacker.example/hook' }));
    expect(withUrl.status).toBe(400);
    expect(withUrl.body.error.message).toContain('webhookUrl');
    const bad = await handOver(shopKey, handoff({ transcript: [{ from: 'agent', text: 'hi' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('transcript.0.from');
  });

  it('relays the customer messages the bot passes on to the team, and streams the team’s replies', async () => {
    const { conversationId } = (await handOver()).body;
    const stream = await fetch(`${service.url}/api/v1/bots/shop/handoffs/${conversationId}/events`, { headers: { authorization: `Bearer ${shopKey}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let seen = '';
    const read = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen += new TextDecoder().decode(value);
      }
    })().catch(() => undefined);

    const forwarded = await api(service, 'POST', `/api/v1/bots/shop/handoffs/${conversationId}/messages`, { body: { text: 'It was a birthday present', messageId: randomUUID() }, token: shopKey });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toMatchObject({ status: 'waiting', replies: [] });
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U_NOOR' }, { name: 'Noor' }, OPERATOR_TENANT);
    await claimConversation(service.ctx, conversationId, agent);
    await postAgentReply(service.ctx, conversationId, agent, 'I have found your parcel');
    await waitFor(async () => seen.includes('I have found your parcel') && seen.includes('"status":"assigned"'));
    await reader.cancel();
    await read;
    const view = await api(service, 'GET', `/api/v1/bots/shop/handoffs/${conversationId}`, { token: shopKey });
    expect(view.body.messages.filter((m: { from: string }) => m.from === 'customer').map((m: { text: string }) => m.text)).toContain('It was a birthday present');
  });
});

describe('Handoff webhooks', () => {
  it('tell the bot of the claim, the transfer and the hand-back, signed with its own secret, which a rotation replaces', async () => {
    const { newSecret } = await configureBotWebhook(service.ctx, 'other', { url: receiver.url }, { now: new Date(), allowInternal: [] });
    const { conversationId } = (await api(service, 'POST', '/api/v1/bots/other/handoffs', { body: handoff(), token: otherKey })).body;
    const [noor, lee] = await Promise.all([
      saveStaffMember(service.ctx, { slackUserId: 'U_NOOR2' }, { name: 'Noor' }, OPERATOR_TENANT),
      saveStaffMember(service.ctx, { slackUserId: 'U_LEE' }, { name: 'Lee' }, OPERATOR_TENANT),
    ]);
    await claimConversation(service.ctx, conversationId, noor);
    await transferConversation(service.ctx, conversationId, noor, lee);
    await resolveConversation(service.ctx, conversationId, lee, 'returned');
    const events = await waitFor(async () => {
      const mine = receiver.received.map((hit) => ({ hit, event: new Webhook(newSecret!).verify(hit.raw, hit.headers) as { type: string; data: any } })).filter(({ event }) => event.data.conversationId === conversationId);
      return mine.length >= 3 ? mine : null;
    });
    expect(events.map(({ event }) => event.type)).toEqual(['handoff.claimed', 'handoff.transferred', 'handoff.resolved']);
    expect(events[1]!.event.data).toMatchObject({ assignee: { name: 'Lee' }, by: { name: 'Noor' } });
    expect(events[2]!.event.data.status).toBe('bot');
    // the shop bot has no webhook: none of its conversations' events went anywhere
    expect(receiver.received.every((hit) => !hit.raw.includes('"botId":"shop"'))).toBe(true);

    const rotated = await configureBotWebhook(service.ctx, 'other', { rotateSecret: true }, { now: new Date(), allowInternal: [] });
    expect(rotated.newSecret).not.toBe(newSecret);
    expect(() => new Webhook(rotated.newSecret!).verify(events[0]!.hit.raw, events[0]!.hit.headers)).toThrow('No matching signature found');
  });

  it('a webhook URL naming an internal address literally is refused unless the operator allows it', async () => {
    await expect(configureBotWebhook(service.ctx, 'other', { url: 'http://169.254.169.254/latest' }, { now: new Date(), allowInternal: [] })).rejects.toThrow('internal address');
    await expect(configureBotWebhook(service.ctx, 'other', { url: 'ftp://example.com/x' }, { now: new Date(), allowInternal: [] })).rejects.toThrow('https://');
  });
});

describe('Handoff API security', () => {
  it('refuses another bot’s key, a revoked key, no key and an unknown bot, all with the same answer', async () => {
    const { conversationId } = (await handOver()).body;
    const refusals = [
      await handOver(otherKey),
      await api(service, 'POST', '/api/v1/bots/shop/handoffs', { body: handoff() }),
      await handOver(`hk_${'A'.repeat(43)}`),
      await api(service, 'POST', '/api/v1/bots/nobody/handoffs', { body: handoff(), token: shopKey }),
      await api(service, 'POST', `/api/v1/bots/shop/handoffs/${conversationId}/messages`, { body: { text: 'hi' }, token: otherKey }),
      await api(service, 'GET', `/api/v1/bots/shop/handoffs/${conversationId}`, { token: otherKey }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(new Set(refusals.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const events = await fetch(`${service.url}/api/v1/bots/shop/handoffs/${conversationId}/events`, { headers: { authorization: `Bearer ${otherKey}` } });
    expect(events.status).toBe(401);
  });

  it('a revoked key stops working at once', async () => {
    const { record, key } = await createApiKey(service.ctx, 'shop', new Date());
    expect((await handOver(key)).status).toBe(201);
    await service.ctx.apiKeys.revoke(record.id, new Date());
    expect((await handOver(key)).status).toBe(401);
    expect((await handOver(shopKey)).status).toBe(201);
  });

  it('one external bot cannot read or write another bot’s conversation, even with its own valid key', async () => {
    const { conversationId } = (await handOver()).body;
    const events = await fetch(`${service.url}/api/v1/bots/other/handoffs/${conversationId}/events`, { headers: { authorization: `Bearer ${otherKey}` } });
    expect(events.status).toBe(404);
    await events.body?.cancel();
    expect((await api(service, 'GET', `/api/v1/bots/other/handoffs/${conversationId}`, { token: otherKey })).status).toBe(404);
    const write = await api(service, 'POST', `/api/v1/bots/other/handoffs/${conversationId}/messages`, { body: { text: 'injected' }, token: otherKey });
    expect(write.status).toBe(404);
    const view = await api(service, 'GET', `/api/v1/bots/shop/handoffs/${conversationId}`, { token: shopKey });
    expect(view.body.messages.map((m: { text: string }) => m.text)).not.toContain('injected');
  });

  it('stores keys hashed: the database holds no key', async () => {
    const { key } = await createApiKey(service.ctx, 'shop', new Date());
    const docs = await service.mongo.store.connection.collection('apiKeys').find({}).toArray();
    expect(JSON.stringify(docs)).not.toContain(key);
    expect(JSON.stringify(docs)).not.toContain(key.slice(3));
  });
});

describe('Handoff API document', () => {
  it('documents every status the Handoff API answered, with the bot key as the security scheme', async () => {
    const doc = customerApiOpenApi() as { paths: Record<string, Record<string, { responses: Record<string, unknown>; security: unknown }>> };
    const documented = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses);
    const body = handoff();
    const key = randomUUID();
    const created = await handOver(shopKey, body, { 'idempotency-key': key });
    const { conversationId } = created.body;
    const answers: Array<[string, string, number]> = [
      ['/bots/{botId}/handoffs', 'post', created.status],
      ['/bots/{botId}/handoffs', 'post', (await handOver(shopKey, body, { 'idempotency-key': key })).status],
      ['/bots/{botId}/handoffs', 'post', (await handOver(shopKey, { ...body, reason: 'other' }, { 'idempotency-key': key })).status],
      ['/bots/{botId}/handoffs', 'post', (await handOver(shopKey, handoff({ reason: '' }))).status],
      ['/bots/{botId}/handoffs', 'post', (await handOver(otherKey)).status],
      ['/bots/{botId}/handoffs/{conversationId}', 'get', (await api(service, 'GET', `/api/v1/bots/shop/handoffs/${conversationId}`, { token: shopKey })).status],
      ['/bots/{botId}/handoffs/{conversationId}', 'get', (await api(service, 'GET', '/api/v1/bots/shop/handoffs/cv_nothing', { token: shopKey })).status],
      ['/bots/{botId}/handoffs/{conversationId}/messages', 'post', (await api(service, 'POST', `/api/v1/bots/shop/handoffs/${conversationId}/messages`, { body: { text: 'hello' }, token: shopKey })).status],
      ['/bots/{botId}/handoffs/{conversationId}/messages', 'post', (await api(service, 'POST', `/api/v1/bots/shop/handoffs/${conversationId}/messages`, { body: {}, token: shopKey })).status],
      ['/bots/{botId}/handoffs/{conversationId}/events', 'get', (await api(service, 'GET', '/api/v1/bots/shop/handoffs/cv_nothing/events', { token: shopKey })).status],
    ];
    expect(answers.map(([, , status]) => status)).toEqual([201, 200, 409, 400, 401, 200, 404, 200, 400, 404]);
    // the answers have the documented shapes (the document is built from these schemas)
    expect(handoffResponseSchema.strict().safeParse(created.body).error).toBeUndefined();
    expect(conversationResponseSchema.safeParse((await api(service, 'GET', `/api/v1/bots/shop/handoffs/${conversationId}`, { token: shopKey })).body).error).toBeUndefined();
    const forwarded = await api(service, 'POST', `/api/v1/bots/shop/handoffs/${conversationId}/messages`, { body: { text: 'and another thing' }, token: shopKey });
    expect(forwardedMessageResponseSchema.safeParse(forwarded.body).error).toBeUndefined();
    for (const [path, method, status] of answers) expect(documented(path, method), `${method} ${path} answers ${status}`).toContain(String(status));
    for (const path of Object.keys(doc.paths).filter((p) => p.includes('/handoffs'))) {
      for (const method of Object.keys(doc.paths[path]!)) expect(doc.paths[path]![method]!.security).toEqual([{ botApiKey: [] }]);
    }
  });
});
