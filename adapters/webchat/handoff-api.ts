import { Router, type Request } from 'express';
import { apiKeyRefused, assertBotApiKey } from '../../src/api-keys/api-keys.js';
import { loadBot } from '../../src/bots/load-bot.js';
import { conversationView } from '../../src/conversation/conversation-view.js';
import { InvalidInputError, NotFoundError } from '../../src/errors.js';
import { forwardCustomerMessage, loadBotConversation } from '../../src/handoff/handoff-conversation.js';
import { acceptHandoff } from '../../src/handover/accept-handoff.js';
import { queueStanding, queueStandingOfTurn } from '../../src/queue/queue-standing.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { LiveStreams } from '../http/live-streams.js';
import { streamConversation } from './conversation-stream.js';
import { botIdSchema, conversationIdSchema } from './customer-api-schemas.js';
import { forwardedMessageBodySchema, handoffBodySchema, idempotencyKeySchema } from './handoff-api-schemas.js';
import { bearerToken, parseBody } from './request-input.js';

/**
 * The Handoff API (README "Handoff API"): an external bot, authenticated by
 * its own API key, hands a conversation over, passes on what its customer
 * writes next, and follows the team's side (webhooks, or this live stream).
 * Every route checks the key before reading anything else.
 */
export function handoffApi(ctx: HandoverContext, streams: { stopping: AbortSignal; liveStreams: LiveStreams }): Router {
  const router = Router();

  router.post('/bots/:botId/handoffs', async (req, res) => {
    const botId = await authenticatedBot(ctx, req);
    const body = parseBody(handoffBodySchema, req.body);
    const idempotencyKey = req.get('idempotency-key');
    if (idempotencyKey !== undefined) {
      const checked = idempotencyKeySchema.safeParse(idempotencyKey);
      if (!checked.success) throw new InvalidInputError(checked.error.issues[0]!.message);
    }
    const bot = await loadBot(ctx, botId);
    const accepted = await acceptHandoff(ctx, {
      botId,
      // the key proves the bot, so its own tenant
      tenant: bot.tenant,
      customer: body.customer,
      transcript: body.transcript.map((line) => ({ from: line.from, text: line.text, ...(line.at ? { at: new Date(line.at) } : {}) })),
      reason: body.reason,
      ...(body.summary ? { summary: body.summary } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const { result } = accepted;
    res.status(accepted.replayed ? 200 : 201).json({ conversationId: accepted.conversationId, token: accepted.token, status: result.status, assignee: result.assignee, replayed: accepted.replayed });
  });

  router.get('/bots/:botId/handoffs/:conversationId', async (req, res) => {
    const botId = await authenticatedBot(ctx, req);
    const conversation = await loadBotConversation(ctx, botId, conversationIdParam(req));
    // where the customer stands while waiting, for the bot to tell them
    res.json({ ...(await conversationView(ctx, conversation)), queue: await queueStanding(ctx, conversation) });
  });

  router.post('/bots/:botId/handoffs/:conversationId/messages', async (req, res) => {
    const botId = await authenticatedBot(ctx, req);
    const conversationId = conversationIdParam(req);
    const body = parseBody(forwardedMessageBodySchema, req.body);
    const result = await forwardCustomerMessage(ctx, { botId, conversationId, text: body.text, messageId: body.messageId });
    res.json({ ...result, queue: await queueStandingOfTurn(ctx, result) });
  });

  router.get('/bots/:botId/handoffs/:conversationId/events', async (req, res) => {
    const botId = await authenticatedBot(ctx, req);
    const conversation = await loadBotConversation(ctx, botId, conversationIdParam(req));
    await streamConversation(ctx, conversation, req, res, streams);
  });

  return router;
}

/** The bot whose key this is; an unknown bot and a wrong key get the same 401. */
async function authenticatedBot(ctx: HandoverContext, req: Request): Promise<string> {
  const botId = String(req.params.botId);
  if (!botIdSchema.safeParse(botId).success) throw apiKeyRefused();
  await assertBotApiKey(ctx.apiKeys, botId, bearerToken(req));
  return botId;
}

function conversationIdParam(req: Request): string {
  const id = String(req.params.conversationId);
  if (!conversationIdSchema.safeParse(id).success) throw new NotFoundError(`conversation "${id.slice(0, 60)}"`);
  return id;
}
