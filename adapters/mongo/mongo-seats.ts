import { Schema, type Connection, type Model } from 'mongoose';
import type { Seat, SeatRepository } from '../../src/ports/seat-repository.js';
import { isDuplicateKeyError } from './handover-store.js';

/** A staff member's seat `n`: `_id` is `<staffId>:<n>` (over the limit `<staffId>:over:<conversationId>`), so taking it is a unique insert. */
export interface SeatDocument {
  _id: string;
  staffId: string;
  n: number | null;
  conversationId: string;
  handoverId: string | null;
  since: Date;
}

const seatSchema = new Schema<SeatDocument>(
  {
    _id: String,
    staffId: { type: String, required: true },
    n: { type: Number, default: null },
    conversationId: { type: String, required: true },
    handoverId: { type: String, default: null },
    since: { type: Date, required: true },
  },
  { versionKey: false },
);
seatSchema.index({ staffId: 1 });
seatSchema.index({ conversationId: 1 });

function seatId({ staffId, n, holder }: Pick<Seat, 'staffId' | 'n' | 'holder'>): string {
  return n === null ? `${staffId}:over:${holder.conversationId}` : `${staffId}:${n}`;
}

export function seatModel(connection: Connection): Model<SeatDocument> {
  return connection.model<SeatDocument>('Seat', seatSchema, 'seats');
}

/**
 * Seats as documents of their own, taken by inserting their `_id`. A
 * FerretDB workaround: its conditional updates are not atomic, so a counter
 * of open conversations per person could be pushed past the limit by two
 * replicas at once; a unique insert cannot (nor on MongoDB). The collection
 * holds only the seats in use, so the scans FerretDB makes of it stay small.
 */
export function mongoSeats(seats: Model<SeatDocument>): SeatRepository {
  const toSeat = (doc: SeatDocument): Seat => ({
    staffId: doc.staffId,
    n: doc.n ?? null,
    holder: { conversationId: doc.conversationId, handoverId: doc.handoverId ?? null },
    since: doc.since,
  });
  return {
    async take(seat) {
      const { staffId, n, holder, since } = seat;
      try {
        await seats.create({ _id: seatId(seat), staffId, n, conversationId: holder.conversationId, handoverId: holder.handoverId, since });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async seatsOf(staffIds) {
      if (staffIds.length === 0) return [];
      const docs = await seats.find({ staffId: { $in: staffIds } }).lean<SeatDocument[]>();
      return docs.map(toSeat);
    },
    async heldBy(conversationId) {
      const docs = await seats.find({ conversationId }).lean<SeatDocument[]>();
      return docs.map(toSeat);
    },
    async free(seat) {
      await seats.deleteOne({ _id: seatId(seat) });
    },
  };
}
