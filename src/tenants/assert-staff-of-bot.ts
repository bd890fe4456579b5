import { loadBot } from '../bots/load-bot.js';
import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { StaffMember } from '../types.js';
import { assertSameTenant } from './tenant.js';

/** Refuses (as "not found") a staff member of another tenant than the conversation's bot. */
export async function assertStaffOfConversation(
  ctx: HandoverContext,
  conversationId: string,
  staff: Pick<StaffMember, 'tenant'>,
  botId?: string,
): Promise<void> {
  const id = botId ?? (await ctx.conversations.botOf(conversationId));
  if (!id) throw new NotFoundError(`conversation "${conversationId}"`);
  assertSameTenant(await loadBot(ctx, id), staff, conversationId);
}
