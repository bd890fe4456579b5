import type { Bot, Conversation, HandoverRecord, HandoverRule, Message, StaffMember, Task } from '../types.js';

/**
 * How the domain tells the team about handovers. Slack, Teams, email and
 * webhook adapters implement it; the domain never knows which are wired.
 * Implementations must not throw for delivery failures: they queue and retry.
 */
export interface EscalationNotifier {
  /** A rule fired: post the escalation where the rule says. */
  escalated(event: EscalationEvent): Promise<void>;
  /** A customer wrote while the conversation is with the team: relay it to the thread. */
  customerMessage(event: { conversation: Conversation; message: Message }): Promise<void>;
  /** Claimed, assigned, resolved…: refresh the posts. */
  conversationChanged(event: { conversation: Conversation; change: ConversationChange; by: StaffMember | null }): Promise<void>;
  /** A staff member was given a conversation or a task (their preferences decide whether they hear of it). */
  assigned(event: { staff: StaffMember; conversation: Conversation; task: Task | null; kind: 'conversation' | 'task' }): Promise<void>;
  /** A follow-up task fell due while still open. */
  taskDue(event: { task: Task; conversation: Conversation | null; staff: StaffMember | null }): Promise<void>;
}

export type ConversationChange = 'claimed' | 'resolved';

export interface EscalationEvent {
  bot: Bot;
  rule: HandoverRule;
  conversation: Conversation;
  handover: HandoverRecord;
  task: Task | null;
  transcript: Message[];
}
