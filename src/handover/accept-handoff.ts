import { loadBot } from '../bots/load-bot.js';
import { newMessage } from '../conversation/append-message.js';
import { newConversation } from '../conversation/new-conversation.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { Customer, TurnResult } from '../types.js';
import type { Tenant } from '../tenants/tenant.js';
import { startHandoverOfNewConversation } from './start-handover.js';

export interface HandoffRequest {
  botId: string;
  customer: Customer;
  /** What was said before, oldest first. */
  transcript: Array<{ from: 'customer' | 'bot'; text: string }>;
  reason: string;
  /** The tenant the handing bot's verified request came from: it may hand over only to that tenant's bots. */
  tenant: Tenant;
}

/**
 * Another bot hands a conversation over to us (the Bot Framework
 * `handoff.initiate` convention): the conversation is created with its
 * transcript and handed over by the bot's first enabled rule, as if the
 * customer had asked for a person.
 */
export async function acceptHandoff(
  ctx: HandoverContext,
  request: HandoffRequest,
): Promise<{ conversationId: string; token: string; result: TurnResult }> {
  const bot = await loadBot(ctx, request.botId);
  if (bot.tenant !== request.tenant) throw new NotFoundError(`bot "${request.botId}"`);
  const rule = bot.rules.find((candidate) => candidate.enabled);
  if (!bot.labs || !bot.handover || !rule) {
    throw new ConflictError(`bot "${bot.id}" does not take handovers now (Labs, handover or an enabled rule is missing)`);
  }
  const id = newId('cv');
  const messages = request.transcript.slice(-200).map((line) => newMessage(ctx, id, line.from, line.text.slice(0, 4000)));
  const conversation = newConversation(ctx, bot, id, request.customer);
  const result = await startHandoverOfNewConversation(ctx, bot, conversation, messages, { rule, trigger: 'contact_request', reason: request.reason });
  return { conversationId: id, token: ctx.tokens.issue(id), result };
}
