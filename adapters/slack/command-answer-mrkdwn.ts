import type { AnswerPart, CommandAnswer } from '../../src/commands/command-answer.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

/** A command's answer as Slack mrkdwn; text is escaped, so a bot's or rule's name cannot ping or link. */
export function commandAnswerMrkdwn(answer: CommandAnswer): string {
  return answer.map((line) => line.map(partMrkdwn).join('')).join('\n');
}

function partMrkdwn(part: AnswerPart): string {
  if (typeof part === 'string') return escapeMrkdwn(part);
  if ('strong' in part) return `*${escapeMrkdwn(part.strong)}*`;
  if ('code' in part) return `\`${escapeMrkdwn(part.code)}\``;
  if ('command' in part) return part.command ? `\`/handover ${escapeMrkdwn(part.command)}\`` : '*/handover*';
  return `<#${part.slackChannel}>`;
}
