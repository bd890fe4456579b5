import type { Task } from '../types.js';

/** A task as written once: its status comes from decisions (see src/tasks/task-state.ts). */
export type StoredTask = Omit<Task, 'status'>;

export interface TaskRepository {
  /** Written once; a second save of the same task changes nothing. */
  save(task: StoredTask, at: Date): Promise<void>;
  find(taskId: string): Promise<StoredTask | null>;
}

/**
 * Which tasks fall due when: the reminder sweep's lists by minute, and
 * where the last sweep stopped. Storage for the scheduler (jobs/), not a
 * repository of the use cases.
 */
export interface DueTaskLists {
  add(taskId: string, dueAt: Date): Promise<void>;
  /** The minutes (since the epoch) from `from` to `to` that have tasks, in order. */
  minutesWithTasks(from: number, to: number): Promise<number[]>;
  tasksDueIn(minute: number): Promise<string[]>;
  /** The minute the next sweep starts from (null: never swept). */
  sweptUntil(): Promise<number | null>;
  setSweptUntil(minute: number): Promise<void>;
}
