import type { CommandAnswer } from '../commands/command-answer.js';

/**
 * What the team is told, in one place for every platform: lines of parts
 * like a command's answer, which Slack, Teams and email each render in
 * their own markup (text parts escaped there).
 */

/** The label a customer's relayed message is shown under. */
export const CUSTOMER_RELAY_LABEL = 'Customer wrote:';

export function conversationAssignedText(conversationId: string): CommandAnswer {
  return [['A conversation was assigned to you (', { code: conversationId }, ').']];
}

export function taskAssignedText(note: string, conversationId: string): CommandAnswer {
  return [['A follow-up task was assigned to you: ', note, ' (', { code: conversationId }, ').']];
}

/** In the escalation's own thread the conversation goes without saying (conversationId null). */
export function taskDueText(note: string, conversationId: string | null): CommandAnswer {
  return [['Reminder: the follow-up task "', note, '" is due', ...(conversationId ? [' (conversation ', { code: conversationId }, ')'] : []), '.']];
}

export function unclaimedText(minutesWaiting: number): CommandAnswer {
  return [[`This escalation has waited ${minutesWaiting} minutes without anyone claiming it.`]];
}
