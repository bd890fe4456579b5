import type { Bot, Conversation, HandoverRecord, HandoverRule, Message, StaffMember, Task } from '../types.js';

/**
 * How the domain tells the team about handovers. Slack, Teams, email and
 * webhook adapters implement it; the domain never knows which are wired.
 *
 * The domain's calls go to a durable outbox (src/notify/outbox.ts), which
 * calls each platform's notifier and retries it. A platform notifier throws
 * when a delivery fails (a DeliveryFailure says whether and when to retry)
 * and must make a retried delivery harmless: the attempt tells it which
 * delivery this is, to look for what an earlier attempt already did.
 */
export interface EscalationNotifier {
  /** A rule fired: post the escalation where the rule says. */
  escalated(event: EscalationEvent, attempt?: DeliveryAttempt): Promise<void>;
  /** A customer wrote while the conversation is with the team: relay it to the thread. */
  customerMessage(event: { conversation: Conversation; message: Message }, attempt?: DeliveryAttempt): Promise<void>;
  /** Claimed, assigned, resolved…: refresh the posts. */
  conversationChanged(event: { conversation: Conversation; change: ConversationChange; by: StaffMember | null }, attempt?: DeliveryAttempt): Promise<void>;
  /** A staff member was given a conversation or a task (their preferences decide whether they hear of it). */
  assigned(event: { staff: StaffMember; conversation: Conversation; task: Task | null; kind: 'conversation' | 'task' }, attempt?: DeliveryAttempt): Promise<void>;
  /** A follow-up task fell due while still open. */
  taskDue(event: { task: Task; conversation: Conversation | null; staff: StaffMember | null }, attempt?: DeliveryAttempt): Promise<void>;
  /** An escalation is still unclaimed after the rule's SLA: remind the channel, or hand it to a backup channel. */
  unclaimed(event: UnclaimedEvent, attempt?: DeliveryAttempt): Promise<void>;
  /** The holder's reply reached the customer (only notifiers that pass replies on, e.g. to an external bot, have it). */
  agentReplied?(event: { conversation: Conversation; message: Message }, attempt?: DeliveryAttempt): Promise<void>;
}

/** `updated`: tags or tasks changed; the posts show it. */
export type ConversationChange = 'claimed' | 'transferred' | 'updated' | 'resolved';

export interface EscalationEvent {
  bot: Bot;
  rule: HandoverRule;
  conversation: Conversation;
  handover: HandoverRecord;
  task: Task | null;
  transcript: Message[];
  /** The conversation began with this handover, so nothing about it was sent before (nothing to wait behind). */
  newConversation?: boolean;
}

export interface UnclaimedEvent {
  conversation: Conversation;
  handover: HandoverRecord;
  minutesWaiting: number;
  /** `reminder`: ping the channel again; `backup`: post to the backup Slack channel. */
  stage: 'reminder' | 'backup';
  backupSlackChannel: string | null;
}

export type NotificationKind = keyof EscalationNotifier;

export const NOTIFICATION_KINDS: NotificationKind[] = ['escalated', 'customerMessage', 'conversationChanged', 'assigned', 'taskDue', 'unclaimed', 'agentReplied'];

/** One delivery of one notification to one platform, as the outbox tries it. */
export interface DeliveryAttempt {
  /** Stable across retries: an idempotency key. */
  deliveryId: string;
  /** 0 for the first try. */
  attempt: number;
  /** When the notification was queued. */
  queuedAt: Date;
}
