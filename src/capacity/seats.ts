import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import type { Seat, SeatHolder } from '../ports/seat-repository.js';
import type { StaffMember } from '../types.js';
import { capacityOf } from './staff-capacity.js';

type SeatContext = Pick<HandoverContext, 'seats' | 'now'>;

/** How many seats (open conversations) each of these staff members holds. */
export async function loadOf(ctx: SeatContext, staffIds: string[]): Promise<Map<string, number>> {
  const load = new Map(staffIds.map((id) => [id, 0]));
  for (const seat of await ctx.seats.seatsOf(staffIds)) load.set(seat.staffId, (load.get(seat.staffId) ?? 0) + 1);
  return load;
}

/**
 * Takes a free seat below `limit` for a conversation, or none (null) when
 * the person is full. Each seat is a unique insert; counting again after it
 * settles a race the seat numbers alone cannot (a seat taken by hand over
 * the limit leaves a lower number free): whoever sees more than `limit` gives
 * theirs back, so however many replicas assign at once nobody goes over.
 */
export async function takeSeatUnder(ctx: SeatContext, staffId: string, limit: number, holder: SeatHolder): Promise<Seat | null> {
  const held = await ctx.seats.seatsOf([staffId]);
  if (held.length >= limit) return null;
  const taken = new Set(held.map((seat) => seat.n));
  for (let n = 0; n < limit; n += 1) {
    if (taken.has(n)) continue;
    const seat: Seat = { staffId, n, holder, since: ctx.now() };
    if (!(await ctx.seats.take(seat))) continue;
    if ((await ctx.seats.seatsOf([staffId])).length <= limit) return seat;
    await ctx.seats.free(seat);
    return null;
  }
  return null;
}

/**
 * A seat for a conversation someone took by hand: the next free one below
 * `limit`, else one over it. Taking a conversation by hand is never refused
 * for capacity; the seat makes it count toward the person's load.
 */
export async function takeSeatByHand(ctx: SeatContext, staffId: string, limit: number, holder: SeatHolder): Promise<Seat> {
  const held = await ctx.seats.seatsOf([staffId]);
  const mine = held.find((seat) => seat.holder.conversationId === holder.conversationId);
  if (mine) return mine;
  const taken = new Set(held.map((seat) => seat.n));
  if (held.length < limit) {
    for (let n = 0; n < limit; n += 1) {
      if (taken.has(n)) continue;
      const seat: Seat = { staffId, n, holder, since: ctx.now() };
      if (await ctx.seats.take(seat)) return seat;
    }
  }
  const over: Seat = { staffId, n: null, holder, since: ctx.now() };
  await ctx.seats.take(over);
  return over;
}

/** Frees the seats a conversation holds (of one staff member, when named); returns whose seats were freed. */
export async function freeSeatsOf(ctx: SeatContext, conversationId: string, staffId?: string): Promise<string[]> {
  const seats = (await ctx.seats.heldBy(conversationId)).filter((seat) => staffId === undefined || seat.staffId === staffId);
  await Promise.all(seats.map((seat) => ctx.seats.free(seat)));
  return [...new Set(seats.map((seat) => seat.staffId))];
}

/** Whoever has a conversation (claimed, handed on) holds a seat for it, and it no longer waits in the queue. */
export async function seatHolderOf(ctx: HandoverContext, conversation: { id: string; botId: string; lastHandoverId: string | null }, staff: StaffMember): Promise<void> {
  const bot = await loadBot(ctx, conversation.botId);
  const holder = { conversationId: conversation.id, handoverId: conversation.lastHandoverId };
  await Promise.all([takeSeatByHand(ctx, staff.id, capacityOf(staff, bot), holder), ctx.capacityQueue.remove(conversation.id)]);
}

/** A seat this old is past any claim or assignment still in flight. */
const SETTLED_MS = 60_000;

/**
 * Frees seats whose conversation the person no longer has: a seat taken in
 * the moment a conversation was resolved on another replica, or by a process
 * that stopped half-way, would otherwise count against them for good.
 * Returns how many were freed.
 */
export async function freeStaleSeats(ctx: HandoverContext, staffIds: string[]): Promise<number> {
  const settled = ctx.now().getTime() - SETTLED_MS;
  const seats = (await ctx.seats.seatsOf(staffIds)).filter((seat) => seat.since.getTime() < settled);
  let freed = 0;
  for (const seat of seats) {
    const conversation = await ctx.conversations.find(seat.holder.conversationId);
    if (conversation?.status === 'assigned' && conversation.assignee?.id === seat.staffId) continue;
    await ctx.seats.free(seat);
    freed += 1;
  }
  if (freed > 0) ctx.log.warn({ freed }, 'freed seats of conversations their holders no longer have');
  return freed;
}
