import { z } from 'zod';
import { customerMessageBodySchema, feedbackBodySchema } from './customer-api-schemas.js';
import { csatBodySchema, csatResponseSchema } from './csat-api-schemas.js';
import { botResponseSchema, conversationResponseSchema, errorResponseSchema, turnResponseSchema } from './customer-api-responses.js';
import { botApiKeyScheme, handoffApiPaths } from './handoff-openapi.js';

const schema = (zodSchema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(zodSchema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
const json = (zodSchema: z.ZodType) => ({ 'application/json': { schema: schema(zodSchema, 'output') } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const botId = { name: 'botId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } };
const conversationId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^cv_[A-Za-z0-9_-]{16}$' } };
/** An unknown conversation and a wrong token get one answer, so a caller without the token learns nothing about which ids exist. */
const refused = error('No such conversation, or a missing or wrong token (answered alike)');
/**
 * What every route under /api/v1 can answer besides its own: the body parser reads a body on any
 * method (413, 400 for JSON that does not parse), a URL that does not decode is a 400, the rate limit
 * a 429 with Retry-After, an unreachable database a 503.
 */
const common = {
  '400': error('Invalid input, with a message naming the field; or a body that is not JSON, or a URL that does not decode'),
  '413': error('Request body over 64 kB'),
  '429': error('Too many requests from this client: wait for the Retry-After delay'),
  '500': error('Something failed on our side'),
  '503': error('The database is unreachable; retry'),
};

/** The customer API (spec §3) as OpenAPI 3.0, built from the same zod schemas that validate requests and describe answers. */
export function customerApiOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Handover customer API', version: '1', description: 'Chat with a bot; hand the conversation to people in Slack or Teams.' },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { conversationToken: { type: 'http', scheme: 'bearer', description: 'The token from the first turn of a conversation' }, botApiKey: botApiKeyScheme },
      schemas: { Error: schema(errorResponseSchema, 'output') },
    },
    paths: {
      '/bots/{botId}': {
        get: {
          operationId: 'getBot',
          summary: 'A bot, to show its name',
          parameters: [botId],
          // public: the chat page shows the bot's name before any conversation exists
          security: [],
          responses: { '200': { description: 'The bot', content: json(botResponseSchema) }, '404': error('No such bot'), ...common },
        },
      },
      '/bots/{botId}/messages': {
        post: {
          operationId: 'sendCustomerMessage',
          summary: 'Send a customer message; the answer has the bot’s replies and any handover',
          description: 'Without conversationId a new conversation starts and its token is returned. A retry with the same messageId and the same content is stored once and answered the same, for 24 hours; the same messageId with other content is refused (409). On a first message the messageId must be a random id of at least 22 characters (e.g. a UUID): it is what proves a retry comes from the same client.',
          parameters: [botId],
          security: [{}, { conversationToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schema(customerMessageBodySchema, 'input') } } },
          responses: { '200': { description: 'The turn', content: json(turnResponseSchema) }, '401': refused, '404': error('No such bot, or the conversation is another bot’s'), '409': error('messageId already used for another message, or still being processed'), ...common },
        },
      },
      '/conversations/{id}': {
        get: {
          operationId: 'getConversation',
          summary: 'The whole conversation: transcript, status, tasks, handovers',
          parameters: [conversationId],
          security: [{ conversationToken: [] }],
          responses: { '200': { description: 'The conversation', content: json(conversationResponseSchema) }, '401': refused, ...common },
        },
      },
      '/conversations/{id}/feedback': {
        post: {
          operationId: 'sendFeedback',
          summary: 'Say whether the bot’s last answer helped (two unhelpful answers hand over, by default)',
          parameters: [conversationId],
          security: [{ conversationToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schema(feedbackBodySchema, 'input') } } },
          responses: { '200': { description: 'The turn', content: json(turnResponseSchema) }, '401': refused, ...common },
        },
      },
      '/conversations/{id}/csat': {
        post: {
          operationId: 'rateHandover',
          summary: 'Answer “How did we do?” for the handover just resolved (1-5 and an optional comment)',
          description: 'Open once the stream sent a `csat` event (the team resolved the handover and its rule asks). Each handover is rated once; the answer is posted to the team’s escalation thread.',
          parameters: [conversationId],
          security: [{ conversationToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schema(csatBodySchema, 'input') } } },
          responses: {
            '200': { description: 'The answer, as stored', content: json(csatResponseSchema) },
            '401': refused,
            '409': error('No question is open for this conversation, or the handover was already rated'),
            ...common,
          },
        },
      },
      '/conversations/{id}/stream': {
        get: {
          operationId: 'streamConversation',
          summary: 'Live updates as Server-Sent Events: `message` (bot, agent, system), `status`, and `queue` (a waiting customer’s position and expected wait)',
          description: 'Send Last-Event-ID to get what was missed. EventSource cannot set headers: the token may be given as ?token=. After the team resolves a handover whose rule asks, a `csat` event ({handoverId, question}) opens “How did we do?”: answer it with POST /conversations/{id}/csat.',
          parameters: [conversationId, { name: 'token', in: 'query', required: false, schema: { type: 'string' } }],
          security: [{ conversationToken: [] }, {}],
          responses: {
            '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '401': refused,
            ...common,
            '429': error('Too many requests from this client, or it already has its limit of live streams open (HANDOVER_STREAMS_PER_CLIENT)'),
          },
        },
      },
      ...handoffApiPaths({ schema, json, error, common }),
    },
  };
}

/** The customer API's routes as Express patterns (`/bots/:botId`), from the document above and the document's own route. */
export function customerApiRoutes(): string[] {
  const paths = Object.keys(customerApiOpenApi().paths as Record<string, unknown>);
  return ['/openapi.json', ...paths.map((path) => path.replace(/\{(\w+)\}/g, ':$1'))];
}
