/** Durable scheduling (Agenda in production): follow-up task reminders and unclaimed-escalation checks. */
export interface TaskScheduler {
  scheduleTaskDue(taskId: string, dueAt: Date): Promise<void>;
  scheduleSlaCheck(check: SlaCheck, at: Date): Promise<void>;
}

export interface SlaCheck {
  conversationId: string;
  handoverId: string;
  stage: 'reminder' | 'fallback';
}
