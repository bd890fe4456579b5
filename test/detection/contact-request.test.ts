import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

const requests = [
  'Can I speak with someone?',
  'real person pls',
  'agent!',
  'human!!',
  'agent pls',
  'I want to talk to a human',
  'let me talk to an agent',
  'connect me to support staff',
  'transfer me to an operator',
  'let me talk to your manager',
  'customer service please',
  'is there a person I can chat with',
  'i dont wanna talk to a bot',
  'can i tlak to a humna',
  'reprsentative please',
  'quiero hablar con una persona',
  'je veux parler à un conseiller',
  'ich möchte mit einem Menschen sprechen',
  'quero falar com um atendente',
];

const lookAlikes = [
  'my agent said the refund was processed',
  'human resources',
  'my travel agent booked it',
  'are you a human?',
  'am I talking to a bot or a person',
  'I am a real estate agent',
  'talk to me in spanish',
  'speak a little faster please',
  'what is a human',
  'I need someone to look at my car',
  'call someone for me',
  'someone used my card without permission',
  'book a table for one person',
  'How much does a session cost?',
];

describe('contact_request detection', () => {
  it.each(requests)('hears a request for a person in %j', (text) => {
    expect(detectContactRequest(text)).toMatchObject({ isRequest: true });
  });

  it.each(lookAlikes)('is not fooled by %j', (text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });

  it('scores in 0..1, higher for requests', () => {
    const request = detectContactRequest('I want to talk to a human').score;
    const other = detectContactRequest('When are you open?').score;
    expect(request).toBeGreaterThan(other);
    for (const score of [request, other]) expect(score).toBeGreaterThanOrEqual(0);
    expect(request).toBeLessThanOrEqual(1);
  });
});
