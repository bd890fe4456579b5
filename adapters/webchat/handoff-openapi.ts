import type { z } from 'zod';
import { conversationResponseSchema } from './customer-api-responses.js';
import { forwardedMessageBodySchema, forwardedMessageResponseSchema, handoffBodySchema, handoffResponseSchema } from './handoff-api-schemas.js';

/** The Handoff API's security scheme: a bot's own key. */
export const botApiKeyScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'hk_…',
  description: 'The bot’s API key, from `npx handover keys create <botId>` (revoked with `npx handover keys revoke <keyId>`)',
};

const botId = { name: 'botId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } };
const conversationId = { name: 'conversationId', in: 'path', required: true, schema: { type: 'string', pattern: '^cv_[A-Za-z0-9_-]{16}$' } };
const EVENTS = [
  'Events reach the bot as Standard Webhooks (POST to the webhook the operator set with `npx handover keys webhook`, headers `webhook-id`, `webhook-timestamp`, `webhook-signature`, signed with the bot’s `whsec_` secret; verify with any Standard Webhooks library).',
  'Body: `{ id, type, timestamp, data: { conversationId, botId, … } }` with type `handoff.claimed`, `handoff.transferred` (data.status, data.assignee, data.by), `handoff.agent_message` (data.message: id, text, at, author) or `handoff.resolved` (data.status `resolved`, or `bot` when handed back unresolved: the bot answers again).',
  'Answer 2xx; 408, 429 and 5xx are retried with backoff under the same webhook-id.',
].join(' ');

/** How the customer API's document (adapters/webchat/openapi.ts) builds schemas and answers, and what every route can answer. */
export interface OpenApiParts {
  schema(zodSchema: z.ZodType, io: 'input' | 'output'): unknown;
  json(zodSchema: z.ZodType): unknown;
  error(description: string): unknown;
  common: Record<string, unknown>;
}

/** The Handoff API's operations, for the customer API's OpenAPI document. */
export function handoffApiPaths({ schema, json, error, common }: OpenApiParts): Record<string, unknown> {
  const security = [{ botApiKey: [] }];
  /** One answer for an unknown bot and a missing, wrong, revoked or another bot's key. */
  const refused = error('No such bot, or a missing, wrong or revoked key, or another bot’s key (answered alike)');
  const notTheBots = error('No such conversation of this bot (another bot’s conversation is answered alike)');
  return {
    '/bots/{botId}/handoffs': {
      post: {
        operationId: 'createHandoff',
        summary: 'An external bot hands a conversation over to the team',
        description: `Creates the conversation with the transcript and hands it over by the bot’s first enabled rule. Send an Idempotency-Key so a retry never creates a second conversation: a retry with the same key and body is answered 200 with the same conversation; the same key with another body is refused (409). The webhook URL is not part of the request: the operator sets it. ${EVENTS}`,
        parameters: [botId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\w.:-]{1,200}$' } }],
        security,
        requestBody: { required: true, content: { 'application/json': { schema: schema(handoffBodySchema, 'input') } } },
        responses: {
          '201': { description: 'Handed over', content: json(handoffResponseSchema) },
          '200': { description: 'A retry of a handoff already accepted (same Idempotency-Key and body)', content: json(handoffResponseSchema) },
          '401': refused,
          '404': error('The bot no longer exists'),
          '409': error('The Idempotency-Key was used for another handoff, or that handoff is still being processed; or the bot takes no handovers now (Labs, handover or an enabled rule missing)'),
          ...common,
        },
      },
    },
    '/bots/{botId}/handoffs/{conversationId}': {
      get: {
        operationId: 'getHandoff',
        summary: 'A handed-off conversation: transcript, status, assignee, handovers',
        parameters: [botId, conversationId],
        security,
        responses: { '200': { description: 'The conversation', content: json(conversationResponseSchema) }, '401': refused, '404': notTheBots, ...common },
      },
    },
    '/bots/{botId}/handoffs/{conversationId}/messages': {
      post: {
        operationId: 'forwardCustomerMessage',
        summary: 'Pass on what the customer wrote while the team has the conversation: it is relayed to the team’s thread',
        description: 'A retry with the same messageId and text is stored once and answered the same (24 hours). Once the team has resolved or handed the conversation back, the bot answers its customer itself: further messages are refused (409).',
        parameters: [botId, conversationId],
        security,
        requestBody: { required: true, content: { 'application/json': { schema: schema(forwardedMessageBodySchema, 'input') } } },
        responses: {
          '200': { description: 'Stored and relayed', content: json(forwardedMessageResponseSchema) },
          '401': refused,
          '404': notTheBots,
          '409': error('The conversation is no longer with the team, or the messageId was used for another message'),
          ...common,
        },
      },
    },
    '/bots/{botId}/handoffs/{conversationId}/events': {
      get: {
        operationId: 'streamHandoffEvents',
        summary: 'The team’s side as Server-Sent Events, for bots that prefer pulling to webhooks: `message` (agent, system, bot) and `status`',
        description: 'The customer API’s live stream (Last-Event-ID to get what was missed), authenticated with the bot’s key.',
        parameters: [botId, conversationId],
        security,
        responses: {
          '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          '401': refused,
          '404': notTheBots,
          ...common,
          '429': error('Too many requests from this client, or it already has its limit of live streams open (HANDOVER_STREAMS_PER_CLIENT)'),
        },
      },
    },
  };
}
