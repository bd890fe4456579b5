import type { Logger } from 'pino';
import type { EscalationNotifier } from '../ports/escalation-notifier.js';

/**
 * Tells every wired notifier (log, Slack, Teams…). One failing never stops
 * the others, nor the customer's turn: the failure is logged.
 */
export function combineNotifiers(notifiers: EscalationNotifier[], log: Logger): EscalationNotifier {
  const each =
    <K extends keyof EscalationNotifier>(method: K) =>
    async (event: Parameters<EscalationNotifier[K]>[0]) => {
      const results = await Promise.allSettled(
        notifiers.map((notifier) => (notifier[method] as (e: typeof event) => Promise<void>)(event)),
      );
      for (const result of results) {
        if (result.status === 'rejected') log.error({ err: result.reason, method }, 'notifier failed');
      }
    };
  return {
    escalated: each('escalated'),
    customerMessage: each('customerMessage'),
    conversationChanged: each('conversationChanged'),
    assigned: each('assigned'),
    taskDue: each('taskDue'),
  };
}
