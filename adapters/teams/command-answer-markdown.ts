import type { AnswerPart, CommandAnswer } from '../../src/commands/command-answer.js';

/** A command's answer as the markdown Teams shows in a message; text is escaped so names cannot format it. */
export function commandAnswerMarkdown(answer: CommandAnswer): string {
  return answer.map((line) => line.map(partMarkdown).join('')).join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]<>#|]/g, (char) => `\\${char}`);
}

function partMarkdown(part: AnswerPart): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
  if ('code' in part) return `\`${part.code.replace(/`/g, "'")}\``;
  if ('command' in part) return part.command ? `\`@Handover ${part.command.replace(/`/g, "'")}\`` : '**@Handover**';
  return `Slack channel ${escapeMarkdown(part.slackChannel)}`;
}
