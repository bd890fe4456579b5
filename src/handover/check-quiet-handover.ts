import type { HandoverContext } from '../handover-context.js';
import type { SlaCheck } from '../ports/task-scheduler.js';
import { latestHandoverRule } from './latest-handover-rule.js';
import { resolveConversation } from './resolve-conversation.js';

/**
 * A handover whose rule gives the bot the conversation back after silence:
 * if nobody (customer or team) wrote for that long, the bot takes over and
 * the customer is told; otherwise the check moves to the new quiet deadline.
 * One job per handover at a time, whatever the traffic.
 */
export async function checkQuietHandover(ctx: HandoverContext, check: SlaCheck): Promise<'resumed' | 'later' | 'not-with-team'> {
  const doc = await ctx.conversations.find(check.conversationId);
  if (!doc || doc.lastHandoverId !== check.handoverId || (doc.status !== 'waiting' && doc.status !== 'assigned')) return 'not-with-team';
  const minutes = (await latestHandoverRule(ctx, doc))?.resumeBotAfterQuietMinutes;
  if (!minutes) return 'not-with-team';
  const lastActivity = (await ctx.conversations.readTranscriptTail(doc, 1)).at(-1)?.at ?? doc.updatedAt;
  const quietUntil = new Date(new Date(lastActivity).getTime() + minutes * 60_000);
  if (quietUntil.getTime() > ctx.now().getTime()) {
    await ctx.scheduler.scheduleSlaCheck(check, quietUntil);
    return 'later';
  }
  try {
    await resolveConversation(ctx, check.conversationId, null, 'quiet');
  } catch {
    return 'not-with-team'; // resolved by someone a moment ago
  }
  return 'resumed';
}
