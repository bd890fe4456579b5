import { Router, type Request } from 'express';
import { loadBot } from '../../src/bots/load-bot.js';
import { conversationView } from '../../src/conversation/conversation-view.js';
import { handleCustomerMessage } from '../../src/conversation/handle-customer-message.js';
import { conversationRefused, loadCustomerConversation } from '../../src/conversation/load-customer-conversation.js';
import { recordFeedback } from '../../src/conversation/record-feedback.js';
import { queueStanding, queueStandingOfTurn } from '../../src/queue/queue-standing.js';
import { NotFoundError } from '../../src/errors.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { LiveStreams } from '../http/live-streams.js';
import { streamConversation } from './conversation-stream.js';
import { csatApi } from './csat-api.js';
import { handoffApi } from './handoff-api.js';
import { bearerToken, parseBody } from './request-input.js';
import { customerApiOpenApi } from './openapi.js';
import { botIdSchema, conversationIdSchema, customerMessageBodySchema, feedbackBodySchema } from './customer-api-schemas.js';

/** Customer HTTP API v1 (spec §3): a thin translation between HTTP and the domain. */
export function customerApi(ctx: HandoverContext, streams: { stopping: AbortSignal; liveStreams: LiveStreams }): Router {
  const router = Router();
  const openApi = customerApiOpenApi();

  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  router.get('/bots/:botId', async (req, res) => {
    const bot = await loadBot(ctx, botIdParam(req));
    res.json({ id: bot.id, name: bot.name });
  });

  router.post('/bots/:botId/messages', async (req, res) => {
    const botId = botIdParam(req);
    const body = parseBody(customerMessageBodySchema, req.body);
    if (body.conversationId !== undefined && !conversationIdSchema.safeParse(body.conversationId).success) throw conversationRefused();
    const turn = await handleCustomerMessage(ctx, {
      botId,
      text: body.text,
      conversationId: body.conversationId,
      token: bearerToken(req),
      messageId: body.messageId,
      customer: body.customer,
    });
    res.json({ ...turn.result, queue: await queueStandingOfTurn(ctx, turn.result), ...(turn.token ? { token: turn.token } : {}) });
  });

  router.get('/conversations/:id', async (req, res) => {
    const conversation = await loadCustomerConversation(ctx, conversationIdParam(req), bearerToken(req));
    res.json({ ...(await conversationView(ctx, conversation)), queue: await queueStanding(ctx, conversation) });
  });

  router.post('/conversations/:id/feedback', async (req, res) => {
    const body = parseBody(feedbackBodySchema, req.body);
    const result = await recordFeedback(ctx, { conversationId: conversationIdParam(req), token: bearerToken(req), helpful: body.helpful });
    res.json({ ...result, queue: await queueStandingOfTurn(ctx, result) });
  });

  router.get('/conversations/:id/stream', async (req, res) => {
    const token = bearerToken(req) ?? (typeof req.query.token === 'string' ? req.query.token : undefined);
    const conversation = await loadCustomerConversation(ctx, conversationIdParam(req), token);
    await streamConversation(ctx, conversation, req, res, streams);
  });

  router.use(csatApi(ctx));
  router.use(handoffApi(ctx, streams));

  return router;
}

function botIdParam(req: Request): string {
  const botId = String(req.params.botId);
  if (!botIdSchema.safeParse(botId).success) throw new NotFoundError(`bot "${botId.slice(0, 60)}"`);
  return botId;
}

/** An id no conversation can have is answered like any other unknown one (see conversationRefused). */
function conversationIdParam(req: Request): string {
  const id = String(req.params.id);
  if (!conversationIdSchema.safeParse(id).success) throw conversationRefused();
  return id;
}

