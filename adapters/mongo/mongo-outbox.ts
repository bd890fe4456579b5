import type { OutboxRepository, OutboxRow } from '../../src/ports/outbox-repository.js';
import { insertBatched } from './batched-writes.js';
import { groupWhileInFlight } from './group-while-in-flight.js';
import type { HandoverStore, OutboxDocument } from './handover-store.js';

function toRow({ _id, ...row }: OutboxDocument): OutboxRow {
  return { id: _id, ...row };
}

export function mongoOutbox(store: HandoverStore): OutboxRepository {
  /**
   * A FerretDB workaround: it answers this check by reading every pending
   * row, and a row with nothing older, the usual case, reads them all (a
   * backlog of n rows cost n² row reads to deliver). Concurrent checks (of
   * other conversations: one conversation's tries run one at a time) share
   * one read of the pending rows of their conversations; a lone check stops
   * at the first older row.
   */
  const olderPendingRow = groupWhileInFlight<Pick<OutboxRow, 'id' | 'orderKey'>, boolean>(async (rows) => {
    if (rows.length === 1) {
      const [row] = rows as [Pick<OutboxRow, 'id' | 'orderKey'>];
      return [(await store.outbox.exists({ orderKey: row.orderKey, state: 'pending', _id: { $lt: row.id } })) !== null];
    }
    const keys = [...new Set(rows.map((row) => row.orderKey))];
    const pending = await store.outbox.find({ orderKey: { $in: keys }, state: 'pending' }, { _id: 1, orderKey: 1 }).lean<Array<Pick<OutboxDocument, '_id' | 'orderKey'>>>();
    const oldest = new Map<string, string>();
    for (const other of pending) if (!oldest.has(other.orderKey) || other._id < oldest.get(other.orderKey)!) oldest.set(other.orderKey, other._id);
    return rows.map((row) => (oldest.get(row.orderKey) ?? row.id) < row.id);
  });

  return {
    async add({ id, ...row }) {
      await insertBatched(store.outbox, { _id: id, ...row });
    },
    async remove(rowId) {
      await store.outbox.deleteOne({ _id: rowId });
    },
    hasOlderPending(row) {
      return olderPendingRow(row);
    },
    async oldestPending(limit) {
      return (await store.outbox.find({ state: 'pending' }).sort({ _id: 1 }).limit(limit).lean<OutboxDocument[]>()).map(toRow);
    },
    async dueAgainAt(rowId, at) {
      await store.outbox.updateOne({ _id: rowId }, { $set: { nextAt: at } });
    },
    async recordFailure(rowId, failure) {
      await store.outbox.updateOne({ _id: rowId }, { $set: failure });
    },
    async countInterruptedTry(rowId, attempt) {
      await store.outbox.updateOne({ _id: rowId, attempt }, { $set: { attempt: attempt + 1, lastError: 'interrupted' } });
    },
    async countByTargetAndState() {
      const rows = await store.outbox.find({}, { target: 1, state: 1 }).lean();
      const counts = new Map<string, { target: string; state: string; count: number }>();
      for (const row of rows) {
        const key = `${row.target}\u0000${row.state}`;
        const entry = counts.get(key) ?? { target: row.target, state: row.state, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
      return [...counts.values()];
    },
  };
}
