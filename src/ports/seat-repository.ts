/** What holds a seat: the handover of a conversation a staff member has. */
export interface SeatHolder {
  conversationId: string;
  handoverId: string | null;
}

/** One of a staff member's seats: seat `n` (0 up to their limit) is theirs while a conversation holds it; `n` null: a seat taken by hand over the limit. */
export interface Seat {
  staffId: string;
  n: number | null;
  holder: SeatHolder;
  since: Date;
}

/**
 * Staff members' seats (src/capacity/seats.ts): how many open conversations
 * each has, counted by something every replica agrees on. Taking a seat is a
 * unique insert, so of two replicas taking the same seat exactly one wins.
 */
export interface SeatRepository {
  /** Takes seat `n` of a staff member (over the limit: the conversation's own); false when it is held. */
  take(seat: Seat): Promise<boolean>;
  /** The seats these staff members hold, in no order. */
  seatsOf(staffIds: string[]): Promise<Seat[]>;
  /** The seats a conversation holds (one, normally). */
  heldBy(conversationId: string): Promise<Seat[]>;
  free(seat: Pick<Seat, 'staffId' | 'n' | 'holder'>): Promise<void>;
}
