import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import type { StoredConversation } from '../ports/conversation-repository.js';
import type { HandoverRule } from '../types.js';

/** The rule behind a conversation's latest handover, as the bot has it now (null if it was renamed or removed since). */
export async function latestHandoverRule(ctx: HandoverContext, doc: Pick<StoredConversation, 'botId' | 'handovers'>): Promise<HandoverRule | null> {
  const ruleName = doc.handovers?.at(-1)?.rule;
  if (!ruleName) return null;
  return (await loadBot(ctx, doc.botId)).rules.find((rule) => rule.name === ruleName) ?? null;
}

/** The rule behind a conversation's latest handover, by conversation id (null: no such conversation, or no such rule now). */
export async function latestHandoverRuleOf(ctx: HandoverContext, conversationId: string): Promise<HandoverRule | null> {
  const conversation = await ctx.conversations.find(conversationId);
  return conversation ? latestHandoverRule(ctx, conversation) : null;
}
