import type { TaskRepository } from '../../src/ports/task-repository.js';
import { insertBatched } from './batched-writes.js';
import type { HandoverStore } from './handover-store.js';
import { toTask } from './to-domain.js';

export function mongoTasks(store: HandoverStore): TaskRepository {
  return {
    async save({ id, ...task }, at) {
      // a duplicate: this very task, written by an earlier try
      await insertBatched(store.tasks, { _id: id, ...task, status: 'open', createdAt: at, updatedAt: at });
    },
    async find(taskId) {
      const doc = await store.tasks.findById(taskId).lean();
      if (!doc) return null;
      const { status: _status, ...task } = toTask(doc);
      return task;
    },
  };
}
