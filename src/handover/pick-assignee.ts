import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import type { Assignment, StaffMember } from '../types.js';

/**
 * Who gets a new escalation: nobody yet (claim), a named staff member, or
 * the next available one in turn. When nobody fits, it falls back to claim.
 */
export async function pickAssignee(ctx: HandoverContext, botId: string, assignment: Assignment): Promise<StaffMember | null> {
  if (assignment.mode === 'claim') return null;
  // only the bot's own tenant's people: never someone of another installation
  const { tenant } = await loadBot(ctx, botId);
  if (assignment.mode === 'user') {
    const ref = assignment.staff;
    const staff = await ctx.staff.findInTenant(ref, tenant);
    if (!staff) ctx.log.warn({ botId, staff: ref }, 'rule names a staff member who is unknown; falling back to claim');
    return staff;
  }
  const available = await ctx.staff.availableStaff(tenant);
  if (available.length === 0) return null;
  // one atomic step of the bot's round robin, so concurrent escalations on several replicas still take turns
  const turn = ((await ctx.bots.nextRoundRobinTurn(botId)) - 1) % available.length;
  return available[turn]!;
}
