import { loadBot } from '../bots/load-bot.js';
import { pickUnderCapacity } from '../capacity/pick-under-capacity.js';
import { takeSeatByHand } from '../capacity/seats.js';
import { capacityOf } from '../capacity/staff-capacity.js';
import type { HandoverContext } from '../handover-context.js';
import type { SeatHolder } from '../ports/seat-repository.js';
import type { Assignment, StaffMember } from '../types.js';

/**
 * Who gets a new escalation: nobody yet (claim), a named staff member, or
 * the least-loaded available one under their limit (src/capacity/). Whoever
 * is picked holds a seat for `holder` from now on. When nobody fits, it
 * falls back to claim (an auto rule's conversation then waits in the queue).
 */
export async function pickAssignee(ctx: HandoverContext, botId: string, assignment: Assignment, holder: SeatHolder): Promise<StaffMember | null> {
  if (assignment.mode === 'claim') return null;
  // only the bot's own tenant's people: never someone of another installation
  const bot = await loadBot(ctx, botId);
  if (assignment.mode === 'user') {
    const ref = assignment.staff;
    const staff = await ctx.staff.findInTenant(ref, bot.tenant);
    if (!staff) {
      ctx.log.warn({ botId, staff: ref }, 'rule names a staff member who is unknown; falling back to claim');
      return null;
    }
    // a rule naming someone is followed even when they are full, as a claim by hand would be
    await takeSeatByHand(ctx, staff.id, capacityOf(staff, bot), holder);
    return staff;
  }
  return (await pickUnderCapacity(ctx, bot, holder))?.staff ?? null;
}
