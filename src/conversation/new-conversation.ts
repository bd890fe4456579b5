import type { HandoverContext } from '../handover-context.js';
import type { Bot, Conversation, Customer } from '../types.js';

/** A conversation as it starts, with the bot and before anything is written. */
export function newConversation(ctx: HandoverContext, bot: Bot, id: string, customer: Customer): Conversation {
  const now = ctx.now();
  return {
    id,
    botId: bot.id,
    status: 'bot',
    paused: false,
    tags: [],
    assignee: null,
    customer,
    failedTurns: 0,
    lastCustomerText: null,
    lastHandoverId: null,
    createdAt: now,
    updatedAt: now,
  };
}
