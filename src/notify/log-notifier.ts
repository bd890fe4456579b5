import type { Logger } from 'pino';
import type { EscalationNotifier } from '../ports/escalation-notifier.js';

/** Notifications as structured log lines (ids only): what a deployment without Slack or Teams sees. */
export function createLogNotifier(log: Logger): EscalationNotifier {
  return {
    async escalated({ bot, rule, conversation, handover, task }) {
      log.info(
        { event: 'escalated', botId: bot.id, conversationId: conversation.id, trigger: handover.trigger, rule: rule.name, taskId: task?.id ?? null },
        'escalation ready for the team',
      );
    },
    async customerMessage({ conversation, message }) {
      log.info({ event: 'customer_message', conversationId: conversation.id, messageId: message.id }, 'customer wrote to the team');
    },
    async conversationChanged({ conversation, change, by }) {
      log.info({ event: change, conversationId: conversation.id, staffId: by?.id ?? null }, `conversation ${change}`);
    },
    async assigned({ staff, conversation, task, kind }) {
      log.info({ event: 'assigned', kind, staffId: staff.id, conversationId: conversation.id, taskId: task?.id ?? null }, `${kind} assigned`);
    },
    async taskDue({ task }) {
      log.info({ event: 'task_due', taskId: task.id, conversationId: task.conversationId }, 'follow-up task overdue');
    },
    async unclaimed({ conversation, stage, minutesWaiting }) {
      log.warn({ event: 'unclaimed', stage, conversationId: conversation.id, minutesWaiting }, 'escalation still unclaimed');
    },
  };
}
