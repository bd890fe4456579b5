import { describe, expect, it } from 'vitest';
import { commandAnswerMrkdwn } from '../../adapters/slack/command-answer-mrkdwn.js';
import { commandAnswerMarkdown } from '../../adapters/teams/command-answer-markdown.js';
import { HELP } from '../../src/commands/handover-command.js';
import type { CommandAnswer } from '../../src/commands/command-answer.js';

const answer: CommandAnswer = [
  [{ strong: 'Acme <!channel> *Support*' }, ' (', { code: 'acme' }, ')'],
  ['Escalations go to: ', { slackChannel: 'C0123456789' }, ' or ', { command: 'subscribe acme' }],
];

describe('one command answer, each platform in its own markup', () => {
  it('Slack: mrkdwn, names escaped so they cannot ping, the command as /handover', () => {
    const text = commandAnswerMrkdwn(answer);
    expect(text).toBe('*Acme &lt;!channel&gt; *Support** (`acme`)\nEscalations go to: <#C0123456789> or `/handover subscribe acme`');
    expect(commandAnswerMrkdwn(HELP)).toMatch(/^\*\/handover\* — hand bot conversations/);
  });

  it('Teams: markdown, names escaped so they cannot format, the command by mention', () => {
    const text = commandAnswerMarkdown(answer);
    expect(text).toBe('**Acme \\<!channel\\> \\*Support\\*** (`acme`)\n\nEscalations go to: Slack channel C0123456789 or `@Handover subscribe acme`');
    expect(commandAnswerMarkdown(HELP)).toMatch(/^\*\*@Handover\*\* — hand bot conversations/);
  });
});
