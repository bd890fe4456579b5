import { newMessage } from '../conversation/append-message.js';
import { loadCustomerConversation } from '../conversation/load-customer-conversation.js';
import { ConflictError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';

export interface SatisfactionAnswer {
  handoverId: string;
  score: number;
  comment: string | null;
}

/**
 * The customer answers "How did we do?" for the handover just resolved:
 * once (its stored answer is a unique key per handover), stored, counted, and posted
 * to the escalation's thread or card through the outbox.
 */
export async function rateHandover(
  ctx: HandoverContext,
  input: { conversationId: string; token: string | undefined; score: number; comment?: string | null },
): Promise<SatisfactionAnswer> {
  const conversation = await loadCustomerConversation(ctx, input.conversationId, input.token);
  const handoverId = conversation.lastHandoverId;
  const asked = handoverId ? await ctx.handoverFacts.find(handoverId, 'csatAsked') : null;
  if (!handoverId || !asked) throw new ConflictError('there is no satisfaction question open for this conversation');
  const comment = input.comment?.trim() || null;
  // the stored answer is its own decision: one per handover, a unique key
  const first = await ctx.handoverFacts.record({ kind: 'csat', handoverId, botId: conversation.botId, at: ctx.now(), score: input.score, comment });
  if (!first) throw new ConflictError('this handover has already been rated');
  ctx.metrics.satisfaction({ botId: conversation.botId, score: input.score });
  ctx.log.info({ conversationId: conversation.id, handoverId, score: input.score, commented: comment !== null }, 'handover rated');
  const stars = '★'.repeat(input.score) + '☆'.repeat(5 - input.score);
  const text = `Rated the help ${input.score}/5 ${stars}${comment ? ` — “${comment}”` : ''}`;
  // relayed like a customer's message (not kept in the transcript): the thread shows it where the team looks
  await ctx.notifier.customerMessage({ conversation, message: newMessage(ctx, conversation.id, 'customer', text) });
  return { handoverId, score: input.score, comment };
}
