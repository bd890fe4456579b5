/** Durable scheduling (Agenda in production): follow-up task reminders and unclaimed-escalation checks. */
export interface TaskScheduler {
  scheduleTaskDue(taskId: string, dueAt: Date): Promise<void>;
  scheduleSlaCheck(check: SlaCheck, at: Date): Promise<void>;
}

export interface SlaCheck {
  conversationId: string;
  handoverId: string;
  /** reminder/fallback: the unclaimed-escalation SLA; quiet: hand back to the bot after silence. */
  stage: 'reminder' | 'fallback' | 'quiet';
}
