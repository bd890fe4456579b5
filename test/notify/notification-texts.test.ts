import { describe, expect, it } from 'vitest';
import { commandAnswerMrkdwn } from '../../adapters/slack/command-answer-mrkdwn.js';
import { commandAnswerMarkdown } from '../../adapters/teams/command-answer-markdown.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { OutboundAddressRefused } from '../../adapters/http/outbound-address-guard.js';
import { RosterUnavailableError } from '../../adapters/teams/settings-roster.js';
import { ERROR_CODES, HandoverError } from '../../src/errors.js';
import { staffErrorText, taskAssignedText, taskDueText, unclaimedText } from '../../src/notify/notification-texts.js';

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

  it('tell staff what failed for every error code, and nothing of an internal failure', () => {
    for (const code of ERROR_CODES) {
      const text = staffErrorText(new HandoverError(code, `detail of ${code}`));
      expect(text.length, code).toBeGreaterThan(0);
    }
    expect(staffErrorText(new HandoverError('conflict', 'Someone else claimed it first.'))).toBe('Someone else claimed it first.');
    expect(staffErrorText(new HandoverError('internal', 'stack detail at db.ts:12'))).toBe('Something went wrong; try again.');
    expect(staffErrorText(new Error('MongoNetworkError: connect ECONNREFUSED 10.0.0.7'))).toBe('Something went wrong; try again.');
  });

  it("cover the adapters' own errors through the same codes", () => {
    expect(new RosterUnavailableError('the Teams roster did not answer in time').code).toBe('platform_unavailable');
    expect(staffErrorText(new RosterUnavailableError('the Teams roster did not answer in time'))).toBe('the Teams roster did not answer in time');
    const refused = new OutboundAddressRefused('10.0.0.7', 'private');
    expect(refused.code).toBe('address_not_allowed');
    expect(staffErrorText(refused)).toContain('inside the network');
  });
});

