/** Durable scheduling of follow-up task reminders (Agenda in production). */
export interface TaskScheduler {
  scheduleTaskDue(taskId: string, dueAt: Date): Promise<void>;
}
