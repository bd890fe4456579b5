import { describe, expect, it } from 'vitest';
import { chooseRule, type TurnSignals } from '../../src/handover/choose-rule.js';
import type { Bot, Trigger } from '../../src/types.js';
import { testBot } from '../support/test-bot.js';

function bot(rules: Array<{ name: string; triggers: Trigger[]; enabled?: boolean; sensitiveTopics?: string[] }>, switches: Partial<Bot> = {}): Bot {
  return testBot(rules, switches);
}

const quiet: TurnSignals = { text: 'hello', contactRequest: false, unanswered: false, confidence: 0.9, failedTurns: 0 };
const ALL: Trigger[] = ['lack_of_information', 'failed_resolution', 'sensitive_topic', 'contact_request'];

describe('choosing the rule and the trigger reported', () => {
  it('reports contact_request over every other trigger matching the same turn', () => {
    const decision = chooseRule(bot([{ name: 'all', triggers: ALL }]), {
      text: 'I want a refund, let me talk to someone',
      contactRequest: true,
      unanswered: true,
      confidence: 0,
      failedTurns: 5,
    });
    expect(decision?.trigger).toBe('contact_request');
  });

  it('orders sensitive_topic, then failed_resolution, then lack_of_information', () => {
    const b = bot([{ name: 'all', triggers: ALL }]);
    expect(chooseRule(b, { ...quiet, text: 'chargeback please', unanswered: true, failedTurns: 2 })?.trigger).toBe('sensitive_topic');
    expect(chooseRule(b, { ...quiet, unanswered: true, failedTurns: 2 })?.trigger).toBe('failed_resolution');
    expect(chooseRule(b, { ...quiet, unanswered: true, failedTurns: 1 })?.trigger).toBe('lack_of_information');
    expect(chooseRule(b, quiet)).toBeNull();
  });

  it('runs the first enabled rule whose triggers match, in order', () => {
    const b = bot([
      { name: 'disabled', triggers: ['contact_request'], enabled: false },
      { name: 'topics', triggers: ['sensitive_topic'], sensitiveTopics: ['legal'] },
      { name: 'people', triggers: ['contact_request'] },
    ]);
    expect(chooseRule(b, { ...quiet, contactRequest: true })?.rule.name).toBe('people');
    expect(chooseRule(b, { ...quiet, text: 'I will call my lawyer', contactRequest: true })?.rule.name).toBe('topics');
  });

  it('uses the per-bot failed-turn threshold', () => {
    const b = bot([{ name: 'f', triggers: ['failed_resolution'] }], { failedTurnsBeforeHandover: 3 });
    expect(chooseRule(b, { ...quiet, failedTurns: 2 })).toBeNull();
    expect(chooseRule(b, { ...quiet, failedTurns: 3 })?.reason).toMatch(/3 times/);
  });

  it('does nothing unless Labs and handover are both on', () => {
    const signals = { ...quiet, contactRequest: true };
    expect(chooseRule(bot([{ name: 'a', triggers: ALL }], { labs: false }), signals)).toBeNull();
    expect(chooseRule(bot([{ name: 'a', triggers: ALL }], { handover: false }), signals)).toBeNull();
  });
});
