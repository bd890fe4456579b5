import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botResponseSchema, conversationResponseSchema, errorResponseSchema, turnResponseSchema } from '../../adapters/webchat/customer-api-responses.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

describe('the customer API’s OpenAPI document', () => {
  it('is served at /api/v1/openapi.json, built from the request schemas', async () => {
    const { status, body } = await api(service, 'GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.0.3');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/bots/{botId}', '/bots/{botId}/messages', '/conversations/{id}', '/conversations/{id}/feedback', '/conversations/{id}/stream']),
    );
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/bots/{botId}/handoffs', '/bots/{botId}/handoffs/{conversationId}', '/bots/{botId}/handoffs/{conversationId}/messages', '/bots/{botId}/handoffs/{conversationId}/events']),
    );
    const request = body.paths['/bots/{botId}/messages'].post.requestBody.content['application/json'].schema;
    expect(request.required).toEqual(['text']);
    expect(request.properties.text).toMatchObject({ type: 'string', minLength: 1, maxLength: 4000 });
    expect(request.properties.messageId.pattern).toBeDefined();
    const turn = body.paths['/bots/{botId}/messages'].post.responses['200'].content['application/json'].schema;
    expect(Object.keys(turn.properties).sort()).toEqual(Object.keys(turnResponseSchema.shape).sort());
  });

  it('describes what the service really answers (checked field by field)', async () => {
    const handedOver = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a person', messageId: 'openapi-opening-message-1' } });
    turnResponseSchema.strict().parse(handedOver.body);
    expect(handedOver.body.handover).not.toBeNull();
    const answered = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'When are you open?' } });
    turnResponseSchema.strict().parse(answered.body);
    const feedback = await api(service, 'POST', `/api/v1/conversations/${answered.body.conversationId}/feedback`, { body: { helpful: false }, token: answered.body.token });
    turnResponseSchema.strict().parse(feedback.body);
    const view = await api(service, 'GET', `/api/v1/conversations/${handedOver.body.conversationId}`, { token: handedOver.body.token });
    conversationResponseSchema.strict().parse(view.body);
    expect(view.body.tasks).toHaveLength(1);
    botResponseSchema.strict().parse((await api(service, 'GET', '/api/v1/bots/demo')).body);
    const refused = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: '' } });
    expect(refused.status).toBe(400);
    errorResponseSchema.strict().parse(refused.body);
  });

  it('documents every status the service answers on each operation, and says which operations are public', async () => {
    const { body: doc } = await api(service, 'GET', '/api/v1/openapi.json');
    const documented = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item));
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length);
    expect(operations.every((operation) => typeof operation.operationId === 'string')).toBe(true);
    expect(doc.paths['/bots/{botId}'].get.security).toEqual([]);

    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Hello' } });
    const answers: Array<[string, string, number]> = [
      ['/bots/{botId}', 'get', (await api(service, 'GET', '/api/v1/bots/no-such-bot')).status],
      ['/bots/{botId}', 'get', (await api(service, 'GET', '/api/v1/bots/%E0%A4%A')).status],
      ['/bots/{botId}/messages', 'post', (await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'x'.repeat(70_000) } })).status],
      ['/bots/{botId}/messages', 'post', (await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Hi', conversationId: first.body.conversationId } })).status],
      ['/conversations/{id}', 'get', (await api(service, 'GET', `/api/v1/conversations/${first.body.conversationId}`, { token: 'wrong' })).status],
      ['/conversations/{id}', 'get', (await api(service, 'GET', '/api/v1/conversations/%E0%A4%A')).status],
      ['/conversations/{id}/feedback', 'post', (await api(service, 'POST', `/api/v1/conversations/${first.body.conversationId}/feedback`, { body: { helpful: 'yes' }, token: first.body.token })).status],
      ['/conversations/{id}/stream', 'get', (await api(service, 'GET', `/api/v1/conversations/${first.body.conversationId}/stream`, { token: 'wrong' })).status],
    ];
    expect(answers.map(([, , status]) => status)).toEqual([404, 400, 413, 401, 401, 400, 400, 401]);
    for (const [path, method, status] of answers) expect(documented(path, method), `${method} ${path} answers ${status}`).toContain(String(status));
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) expect(documented(path, method), `${method} ${path}`).toEqual(expect.arrayContaining(['400', '413', '429', '503']));
    }
  });
});
