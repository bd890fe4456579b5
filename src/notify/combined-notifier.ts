import { NOTIFICATION_KINDS, type EscalationNotifier, type NotificationKind } from '../ports/escalation-notifier.js';

/**
 * Tells every notifier (the log, the outbox). A failure propagates: the
 * outbox fails only when it could not store the notification, and then the
 * customer's turn must fail too rather than be answered and lost.
 */
export function combineNotifiers(notifiers: EscalationNotifier[]): EscalationNotifier {
  const each = (kind: NotificationKind) => async (event: unknown) => {
    // a notifier without an optional kind (agentReplied) has nothing to do with it
    await Promise.all(notifiers.map((notifier) => (notifier[kind] as ((e: unknown) => Promise<void>) | undefined)?.(event)));
  };
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, each(kind)])) as unknown as EscalationNotifier;
}
