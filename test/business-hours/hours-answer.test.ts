import { describe, expect, it } from 'vitest';
import { commandAnswerMrkdwn } from '../../adapters/slack/command-answer-mrkdwn.js';
import { hoursAnswer } from '../../src/business-hours/hours-answer.js';
import { testBot } from '../support/test-bot.js';

describe('/handover hours of a bot without business hours', () => {
  it('says it is always open and where the hours are set: the settings form or the config file', () => {
    const text = commandAnswerMrkdwn(hoursAnswer(testBot([], { businessHours: null }), new Date('2026-12-05T10:00:00Z')));
    expect(text).toContain('always open');
    expect(text).toContain('`/handover settings ');
    expect(text).toContain('`businessHours` in the config file');
  });
});
