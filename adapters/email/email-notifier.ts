import nodemailer, { type Transporter } from 'nodemailer';
import type { HandoverContext } from '../../src/handover-context.js';
import { DeliveryFailure } from '../../src/notify/delivery-failure.js';
import type { OutboxTarget } from '../../src/notify/outbox.js';
import type { DeliveryAttempt, EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import { escalationStatus, triggerLabel } from '../../src/handover/escalation-view.js';
import { outOfHoursLine } from '../../src/business-hours/out-of-hours.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { conversationAssignedText, taskAssignedText, taskDueText } from '../../src/notify/notification-texts.js';

export interface EmailOptions {
  smtpUrl: string;
  from: string;
}

/** Email through SMTP (nodemailer): escalations to a rule's addresses, assignments and reminders to staff who have an email. */
export function emailOutboxTarget(ctx: HandoverContext, options: EmailOptions): OutboxTarget & { close(): void } {
  const transport = nodemailer.createTransport(options.smtpUrl, { from: options.from });
  return {
    name: 'email',
    notifier: createEmailNotifier(transport),
    accepts(kind, event: any) {
      if (kind === 'escalated') return event.rule.notify.email.length > 0;
      if (kind === 'assigned') return Boolean(event.staff.email);
      if (kind === 'taskDue') return Boolean(event.staff?.email);
      return false;
    },
    close: () => transport.close(),
  };
}

/** SMTP 4xx replies and dropped connections pass; 5xx replies (a refused address) do not. */
export function emailDeliveryFailure(error: unknown): DeliveryFailure {
  const smtp = error as { responseCode?: number; code?: string; message?: string };
  const message = `email: ${smtp.message ?? String(error)}`;
  if (typeof smtp.responseCode === 'number') return new DeliveryFailure(message, smtp.responseCode < 500);
  return new DeliveryFailure(message, smtp.code !== 'EENVELOPE' && smtp.code !== 'EMESSAGE');
}

export function createEmailNotifier(transport: Transporter): EscalationNotifier {
  const send = async (to: string[], subject: string, text: string, attempt?: DeliveryAttempt) => {
    try {
      // One Message-ID per notification: a retried send is recognisable as the same email.
      await transport.sendMail({ to, subject, text, messageId: attempt ? `<${attempt.deliveryId}@handover>` : undefined });
    } catch (error) {
      throw emailDeliveryFailure(error);
    }
  };

  return {
    async escalated({ bot, rule, conversation, handover, task, transcript }, attempt) {
      if (rule.notify.email.length === 0) return;
      const customer = conversation.customer.name ?? conversation.customer.email ?? 'A customer';
      const lines = transcript.map((message) => `${message.from}: ${message.text.replace(/\s+/g, ' ').slice(0, 300)}`);
      const text = [
        ...(handover.summary ? [handover.summary, ''] : []),
        `${customer} needs the team (${triggerLabel(handover)}, rule "${rule.name}").`,
        handover.reason,
        outOfHoursLine(handover) ?? '',
        '',
        ...lines,
        '',
        `Status: ${escalationStatus(conversation)}`,
        task ? `Follow-up task due ${task.dueAt.toISOString()}: ${task.note}` : '',
        `Conversation: ${conversation.id}`,
      ].join('\n');
      await send(rule.notify.email, `[Handover] ${triggerLabel(handover)} — ${bot.name}`, text, attempt);
    },
    async assigned({ staff, conversation, task, kind }, attempt) {
      const wants = kind === 'conversation' ? staff.notifyOnConversationAssigned : staff.notifyOnTaskAssigned;
      if (!wants || !staff.email) return;
      const subject = kind === 'conversation' ? '[Handover] A conversation was assigned to you' : '[Handover] A follow-up task was assigned to you';
      const text = answerPlainText(kind === 'conversation' ? conversationAssignedText(conversation.id) : taskAssignedText(task?.note ?? '', conversation.id));
      await send([staff.email], subject, text, attempt);
    },
    async taskDue({ task, staff }, attempt) {
      if (!staff?.email) return;
      await send([staff.email], `[Handover] Follow-up task due: ${task.note.slice(0, 80)}`, `${answerPlainText(taskDueText(task.note, task.conversationId))}\nDue ${task.dueAt.toISOString()}.`, attempt);
    },
    async customerMessage() {},
    async conversationChanged() {},
    async unclaimed() {},
  };
}
