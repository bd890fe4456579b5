import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_TOPICS, matchSensitiveTopic } from '../../src/detection/sensitive-topic.js';
import { isNegativeFeedback } from '../../src/detection/negative-feedback.js';

describe('sensitive topics', () => {
  it.each([
    ['I want to file a chargeback', 'chargeback'],
    ['I was refunded only half', 'refund'],
    ['can I get my money back', 'refund'],
    ['I will call my lawyer', 'legal'],
    ['I want to cancel my subscription', 'cancellation'],
    ['cancelling my plan today', 'cancellation'],
    ['I want to hurt myself', 'self-harm'],
    ['this is unacceptable', 'complaint'],
    ['I want to dispute the charge', 'payment dispute'],
    ['I was charged twice', 'payment dispute'],
  ])('matches %j to %s by meaning, not only the exact word', (text, topic) => {
    expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBe(topic);
  });

  it.each(['refurbished laptop price', 'When are you open?', 'thanks for the courtesy'])('leaves %j alone', (text) => {
    expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBeNull();
  });

  it.each(['Sue will pick up the voucher', 'my wife Sue says hello', 'we played on the squash court', 'no complaints at all', 'are these noise cancelling?'])(
    'does not take a name or a thing for a topic: %j',
    (text) => expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBeNull(),
  );

  it.each(["we're going to sue you", 'I will sue', 'see you in court', 'I could sue the company for this'])('still hears legal threats: %j', (text) => {
    expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBe('legal');
  });

  it('matches a rule-specific topic by its own words, inflected, in any order', () => {
    expect(matchSensitiveTopic('my data was breached', ['data breach'])).toBe('data breach');
    expect(matchSensitiveTopic('a breach of my data', ['data breach'])).toBe('data breach');
    expect(matchSensitiveTopic('my data is fine', ['data breach'])).toBeNull();
  });

  it('reports the first matching topic in the rule order', () => {
    expect(matchSensitiveTopic('refund or I call my lawyer', ['legal', 'refund'])).toBe('legal');
  });
});

describe('negative feedback on an answer', () => {
  it.each(["that didn't help", 'not helpful', "this doesn't answer my question", "that's not what I asked", 'useless', "no that's wrong", 'still not working'])(
    'hears %j as the answer not helping',
    (text) => expect(isNegativeFeedback(text)).toBe(true),
  );

  it.each(['no thanks', 'the app is not working', 'How do I book?', 'that helped, thanks'])('does not take %j as feedback', (text) => {
    expect(isNegativeFeedback(text)).toBe(false);
  });
});
