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
    expect(Object.keys(body.paths).sort()).toEqual(['/bots/{botId}', '/bots/{botId}/messages', '/conversations/{id}', '/conversations/{id}/feedback', '/conversations/{id}/stream']);
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
});
