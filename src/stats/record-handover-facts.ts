import type { HandoverContext } from '../handover-context.js';
import type { StoredConversation } from '../ports/conversation-repository.js';
import type { HandoverRecord } from '../types.js';

/**
 * A handover's steps as the team view counts them (src/stats/team-stats.ts).
 * Each is written once whoever writes it (a unique key per handover and
 * step), so a retried or raced step is never counted twice.
 */

/** Handed over; given to someone at once (a named person, auto-assignment) counts as claimed at once. */
export async function recordHandoverStarted(ctx: HandoverContext, handover: HandoverRecord, assigned: boolean): Promise<void> {
  const { id: handoverId, botId, conversationId, trigger, at } = handover;
  await ctx.handoverFacts.record({ kind: 'start', handoverId, botId, conversationId, trigger, at, open: true });
  if (assigned) await ctx.handoverFacts.record({ kind: 'claim', handoverId, botId, at, handoverAt: at });
}

export async function recordHandoverClaimed(ctx: HandoverContext, conversation: StoredConversation): Promise<void> {
  const handover = conversation.handovers.at(-1);
  if (!handover || handover.id !== conversation.lastHandoverId) return;
  await ctx.handoverFacts.record({ kind: 'claim', handoverId: handover.id, botId: conversation.botId, at: ctx.now(), handoverAt: new Date(handover.at) });
}

export async function recordHandoverEnded(ctx: HandoverContext, conversation: StoredConversation, how: string): Promise<void> {
  const handover = conversation.handovers.at(-1);
  if (!handover || handover.id !== conversation.lastHandoverId) return;
  await ctx.handoverFacts.record({ kind: 'end', handoverId: handover.id, botId: conversation.botId, at: ctx.now(), handoverAt: new Date(handover.at), how });
  await ctx.handoverFacts.close(handover.id);
}
