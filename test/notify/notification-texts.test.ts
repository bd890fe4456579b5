import { describe, expect, it } from 'vitest';
import { commandAnswerMrkdwn } from '../../adapters/slack/command-answer-mrkdwn.js';
import { commandAnswerMarkdown } from '../../adapters/teams/command-answer-markdown.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { taskAssignedText, taskDueText, unclaimedText } from '../../src/notify/notification-texts.js';

describe('notification texts', () => {
  it('are one text, each platform escaping what a task note says in its own markup', () => {
    const text = taskAssignedText('Call back <!channel> *today*', 'cv_1');
    expect(answerPlainText(text)).toBe('A follow-up task was assigned to you: Call back <!channel> *today* (cv_1).');
    expect(commandAnswerMrkdwn(text)).toBe('A follow-up task was assigned to you: Call back &lt;!channel&gt; *today* (`cv_1`).');
    expect(commandAnswerMarkdown(text)).toBe('A follow-up task was assigned to you: Call back \\<!channel\\> \\*today\\* (`cv_1`).');
  });

  it('leave out the conversation where the thread already says which it is', () => {
    expect(answerPlainText(taskDueText('Call back', 'cv_1'))).toBe('Reminder: the follow-up task "Call back" is due (conversation cv_1).');
    expect(answerPlainText(taskDueText('Call back', null))).toBe('Reminder: the follow-up task "Call back" is due.');
    expect(answerPlainText(unclaimedText(15))).toBe('This escalation has waited 15 minutes without anyone claiming it.');
  });
});
