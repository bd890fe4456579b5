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

/** An answer as plain text (no markup to escape): Teams' plain messages, emails. */
export function answerPlainText(answer: CommandAnswer): string {
  return answer.map((line) => line.map(plainPart).join('')).join('\n');
}

function plainPart(part: AnswerPart): string {
  if (typeof part === 'string') return part;
  if ('strong' in part) return part.strong;
  if ('code' in part) return part.code;
  if ('command' in part) return part.command ? `/handover ${part.command}` : '/handover';
  return part.slackChannel;
}
