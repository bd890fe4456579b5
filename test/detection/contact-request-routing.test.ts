import { describe, expect, it } from 'vitest';
import { createKnowledgeBaseResponder } from '../../src/bot/knowledge-base-responder.js';
import { readCustomerTurn } from '../../src/conversation/read-customer-turn.js';
import { chooseRule } from '../../src/handover/choose-rule.js';
import type { Bot } from '../../src/types.js';
import { testBot } from '../support/test-bot.js';
import { lukewarmAsk } from './lukewarm-ask.js';

const responder = createKnowledgeBaseResponder([{ id: 'hours', questions: ['When are you open?'], answer: 'From 9 to 5.' }]);

function botWith(switches: Partial<Bot> = {}): Bot {
  return testBot([{ name: 'people', triggers: ['contact_request'] }], switches);
}

function decide(bot: Bot, text: string) {
  const reading = readCustomerTurn(responder, text, null, bot.contactRequestThreshold);
  return chooseRule(bot, { text, contactRequest: reading.contactRequest, department: reading.department, unanswered: false, confidence: 1, failedTurns: 0 });
}

describe('a contact request reaches the rules with its department', () => {
  it('hands a sales lead over with the department in the reason the escalation post shows', () => {
    const decision = decide(botWith(), 'I want to talk to your sales team');
    expect(decision?.trigger).toBe('contact_request');
    expect(decision?.department).toBe('sales');
    expect(decision?.reason).toBe('The customer asked to talk to a person (sales).');
  });

  it('says nothing of a department when the customer names none', () => {
    const decision = decide(botWith(), 'can I talk to a real person');
    expect(decision?.reason).toBe('The customer asked to talk to a person.');
    expect(decision?.department).toBeUndefined();
  });

  it("follows the bot's own threshold", () => {
    const text = lukewarmAsk();
    expect(decide(botWith(), text)?.trigger).toBe('contact_request');
    expect(decide(botWith({ contactRequestThreshold: 0.99 }), text)).toBeNull();
  });
});
