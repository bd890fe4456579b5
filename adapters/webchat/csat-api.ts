import { Router } from 'express';
import { conversationRefused } from '../../src/conversation/load-customer-conversation.js';
import { rateHandover } from '../../src/csat/rate-handover.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { conversationIdSchema } from './customer-api-schemas.js';
import { csatBodySchema } from './csat-api-schemas.js';
import { bearerToken, parseBody } from './request-input.js';

/** `POST /conversations/:id/csat`: the customer's answer to "How did we do?", with the conversation's token. */
export function csatApi(ctx: HandoverContext): Router {
  const router = Router();
  router.post('/conversations/:id/csat', async (req, res) => {
    const conversationId = String(req.params.id);
    if (!conversationIdSchema.safeParse(conversationId).success) throw conversationRefused();
    const body = parseBody(csatBodySchema, req.body);
    res.json(await rateHandover(ctx, { conversationId, token: bearerToken(req), score: body.score, comment: body.comment ?? null }));
  });
  return router;
}
