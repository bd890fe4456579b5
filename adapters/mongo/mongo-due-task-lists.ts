import type { DueTaskLists } from '../../src/ports/task-repository.js';
import { oneAtATime } from '../../src/ordering/one-at-a-time.js';
import { isDuplicateKeyError, type HandoverStore } from './handover-store.js';

const MINUTE = 60_000;
const MINUTES_A_DAY = 24 * 60;
const MINUTES_REMEMBERED = 10_000;
const CURSOR = 'task-reminders-cursor';
const dayOf = (minute: number) => Math.floor(minute / MINUTES_A_DAY);

/**
 * A FerretDB workaround: it finds documents by `_id` alone without a scan,
 * so tasks due in one minute are listed in one document
 * (`due:<minutes since the epoch>`, task ids), and the minutes of a day that
 * have tasks in another (`day:<days since the epoch>`, minutes): a sweep
 * reads a few day documents and the minutes that have tasks, all by _id,
 * however long it has been since the last one. Lists are never emptied, so
 * a minute this process has put on its day's list once needs no second write.
 */
export function mongoDueTaskLists(store: HandoverStore): DueTaskLists {
  const minutesListed = new Set<string>();
  /** Per list, the items waiting for its next write, and that write. */
  const listBatches = new Map<string, { items: string[]; written: Promise<void> }>();

  /**
   * Adds to a list one write at a time per list in this process (on FerretDB
   * concurrent $addToSet on one document lose items); items asked for while a
   * write is on its way go together in the next one (a minute's list is where
   * every handover of that minute lands). Two upserts of a new list racing
   * across replicas: one inserts, the other fails on the duplicate _id and,
   * tried again, finds the list and adds to it.
   */
  const addToList = (listId: string, item: string): Promise<void> => {
    const queued = listBatches.get(listId);
    if (queued) {
      queued.items.push(item);
      return queued.written;
    }
    const items = [item];
    const written = oneAtATime(`dueTasks:${listId}`, () => {
      // from here on, new items wait for the next write
      listBatches.delete(listId);
      return upsertIntoList(listId, items);
    });
    listBatches.set(listId, { items, written });
    return written;
  };

  const upsertIntoList = async (listId: string, items: string[]): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.dueTasks.updateOne({ _id: listId }, { $addToSet: { taskIds: { $each: items } } }, { upsert: true });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= 2) throw error;
      }
    }
  };

  return {
    async add(taskId, dueAt) {
      const minute = Math.floor(dueAt.getTime() / MINUTE);
      await addToList(`due:${minute}`, taskId);
      const dayEntry = `day:${dayOf(minute)}/${minute}`;
      if (minutesListed.has(dayEntry)) return;
      await addToList(`day:${dayOf(minute)}`, String(minute));
      // forgetting only costs a write again
      if (minutesListed.size >= MINUTES_REMEMBERED) minutesListed.clear();
      minutesListed.add(dayEntry);
    },
    async minutesWithTasks(from, to) {
      const minutes: number[] = [];
      for (let day = dayOf(from); day <= dayOf(to); day += 1) {
        const listed = await store.dueTasks.findById(`day:${day}`).lean();
        for (const minute of (listed?.taskIds ?? []).map(Number)) if (minute >= from && minute <= to) minutes.push(minute);
      }
      return minutes.sort((a, b) => a - b);
    },
    async tasksDueIn(minute) {
      return (await store.dueTasks.findById(`due:${minute}`).lean())?.taskIds ?? [];
    },
    async sweptUntil() {
      const setting = await store.settings.findById(CURSOR).lean();
      return typeof setting?.value === 'number' ? setting.value : null;
    },
    async setSweptUntil(minute) {
      await store.settings.updateOne({ _id: CURSOR }, { $set: { value: minute } }, { upsert: true });
    },
  };
}
