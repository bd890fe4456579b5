import type { CommandAnswer } from '../commands/command-answer.js';
import { HandoverError, type ErrorCode } from '../errors.js';

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

const SOMETHING_WENT_WRONG = 'Something went wrong; try again.';

/**
 * What a person in Slack or Teams is told when their action fails with an
 * error of this code; null: the error's own message says it (it was
 * written for them). The compiler checks every code has an entry.
 */
const STAFF_TEXT_BY_CODE: Record<ErrorCode, string | null> = {
  invalid_input: null,
  invalid_json: null,
  unauthorized: null,
  forbidden: null,
  not_found: null,
  conflict: null,
  rule_limit: null,
  settings_changed: null,
  payload_too_large: null,
  rate_limited: null,
  address_not_allowed: 'That address is inside the network Handover runs in, which it does not send to.',
  storage_unavailable: 'The database is not reachable right now; nothing was changed. Try again in a minute.',
  platform_unavailable: null,
  delivery_failed: null,
  // the operator's set-up, not the person's action: the details go to the log
  internal: SOMETHING_WENT_WRONG,
  config_file: SOMETHING_WENT_WRONG,
  env_config: SOMETHING_WENT_WRONG,
  knowledge_base_file: null,
  usage: null,
  command: null,
  embedded_database: SOMETHING_WENT_WRONG,
};

/** The text for staff of an error from their action in Slack or Teams (plain: each platform escapes it). */
export function staffErrorText(error: unknown): string {
  if (!(error instanceof HandoverError)) return SOMETHING_WENT_WRONG;
  return STAFF_TEXT_BY_CODE[error.code] ?? error.message;
}
