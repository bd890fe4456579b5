import { withinBusinessHours } from '../business-hours/business-hours.js';
import type { HandoverContext } from '../handover-context.js';
import type { Seat, SeatHolder } from '../ports/seat-repository.js';
import type { Bot, StaffMember } from '../types.js';
import { freeStaleSeats, loadOf, takeSeatUnder } from './seats.js';
import { capacityOf } from './staff-capacity.js';

/** Looks again this often when someone else took the seat meant for this conversation. */
const ROUNDS = 5;
/** Looking for stale seats reads each seat's conversation: when everyone is full, once a minute per tenant and process is enough. */
const STALE_CHECK_EVERY_MS = 60_000;
const staleCheckedAt = new Map<string, number>();

function staleSeatsDue(tenant: string, now: Date): boolean {
  const last = staleCheckedAt.get(tenant);
  if (last !== undefined && Math.abs(now.getTime() - last) < STALE_CHECK_EVERY_MS) return false;
  staleCheckedAt.set(tenant, now.getTime());
  return true;
}

/**
 * The least-loaded available person of the bot's tenant under their limit
 * (round robin among equals), with a seat taken for the conversation; null
 * when everyone is full, nobody is available, or the bot is closed now.
 */
export async function pickUnderCapacity(ctx: HandoverContext, bot: Bot, holder: SeatHolder): Promise<{ staff: StaffMember; seat: Seat } | null> {
  // out of hours nobody is given one: it waits (claimable by hand) for the next time someone frees up
  if (!withinBusinessHours(bot, ctx.now())) return null;
  const available = await ctx.staff.availableStaff(bot.tenant);
  for (let round = 0; round < ROUNDS && available.length > 0; round += 1) {
    const load = await loadOf(ctx, available.map((staff) => staff.id));
    const withRoom = available.filter((staff) => load.get(staff.id)! < capacityOf(staff, bot));
    if (withRoom.length === 0) {
      if (round === 0 && staleSeatsDue(bot.tenant, ctx.now()) && (await freeStaleSeats(ctx, available.map((staff) => staff.id))) > 0) continue;
      return null;
    }
    const least = Math.min(...withRoom.map((staff) => load.get(staff.id)!));
    const equals = withRoom.filter((staff) => load.get(staff.id) === least);
    // one atomic step of the bot's round robin, so concurrent escalations on several replicas still take turns
    const chosen = equals.length === 1 ? equals[0]! : equals[((await ctx.bots.nextRoundRobinTurn(bot.id)) - 1) % equals.length]!;
    const seat = await takeSeatUnder(ctx, chosen.id, capacityOf(chosen, bot), holder);
    if (seat) return { staff: chosen, seat };
  }
  return null;
}
