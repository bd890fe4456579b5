/**
 * What a command answers, before any chat platform's markup: lines of
 * parts. Plain strings are text (each platform escapes them for its own
 * markup); the other parts say what a piece is, and each platform shows it
 * its own way (Slack mrkdwn, Teams markdown).
 */
export type AnswerPart =
  | string
  | { strong: string }
  | { code: string }
  /** One of our commands, e.g. `subscribe demo`: "/handover subscribe demo" in Slack, "@Handover subscribe demo" in Teams. */
  | { command: string }
  /** A Slack channel by id. */
  | { slackChannel: string };

export type AnswerLine = AnswerPart[];
export type CommandAnswer = AnswerLine[];

/** A one-line answer of plain text. */
export function plainAnswer(text: string): CommandAnswer {
  return [[text]];
}
