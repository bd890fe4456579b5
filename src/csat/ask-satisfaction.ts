import type { HandoverContext } from '../handover-context.js';
import { latestHandoverRule } from '../handover/latest-handover-rule.js';
import type { StoredConversation } from '../ports/conversation-repository.js';

export const CSAT_QUESTION = 'How did we do?';

/**
 * A handover the team resolved asks its customer once how it went, unless
 * its rule turned that off. The question is a stored fact, so the web chat
 * and the API find it on whichever replica, and after a reconnect.
 */
export async function askSatisfaction(ctx: HandoverContext, conversation: StoredConversation, how: string): Promise<boolean> {
  const handover = conversation.handovers.at(-1);
  if (how !== 'resolved' || !handover || handover.id !== conversation.lastHandoverId) return false;
  const rule = await latestHandoverRule(ctx, conversation);
  if (rule?.csat === false) return false;
  return ctx.handoverFacts.record({ kind: 'csatAsked', handoverId: handover.id, botId: conversation.botId, at: ctx.now() });
}

/** The handover whose question the customer has not answered yet (null: none open), as stored now. */
export async function pendingSatisfaction(ctx: HandoverContext, conversationId: string): Promise<{ handoverId: string; question: string } | null> {
  const conversation = await ctx.conversations.find(conversationId);
  const handoverId = conversation?.lastHandoverId;
  if (conversation?.status !== 'resolved' || !handoverId) return null;
  const [asked, answered] = await Promise.all([ctx.handoverFacts.find(handoverId, 'csatAsked'), ctx.handoverFacts.find(handoverId, 'csat')]);
  return asked && !answered ? { handoverId, question: CSAT_QUESTION } : null;
}
