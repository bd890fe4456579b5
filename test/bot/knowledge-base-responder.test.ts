import { describe, expect, it } from 'vitest';
import { createKnowledgeBaseResponder } from '../../src/bot/knowledge-base-responder.js';
import type { KnowledgeBaseEntry } from '../../src/bot/responder.js';

const FAQ: KnowledgeBaseEntry[] = [
  { id: 'hours', questions: ['What are your opening hours?', 'When are you open?', 'Are you open on weekends?'], answer: 'Open 9 to 5, Monday to Saturday.' },
  { id: 'prices', questions: ['How much does it cost?', 'What are your prices?', 'How expensive is a session?'], answer: '$90 a session.' },
  { id: 'refund-policy', questions: ['What is your refund policy?', 'Can I get a refund?'], answer: 'Within 14 days.' },
  { id: 'payment-methods', questions: ['What payment methods do you accept?', 'Can I pay with PayPal?', 'Do you take credit cards?'], answer: 'Cards and PayPal.' },
  { id: 'reschedule', questions: ['Can I reschedule my session?', 'How do I move my appointment?'], answer: 'Up to 24 hours before.' },
];

const faq = createKnowledgeBaseResponder(FAQ);

describe('knowledge-base responder', () => {
  it('answers every question variant with its own entry', () => {
    for (const entry of FAQ) {
      for (const question of entry.questions) {
        expect(faq.answer(question), question).toMatchObject({ answered: true, entryId: entry.id, answer: entry.answer });
      }
    }
  });

  it.each([
    ['what are the opening hours', 'hours'],
    ['are you open on the weekend', 'hours'],
    ['what time do you open', 'hours'],
    ['how much does a session cost', 'prices'],
    ['is it expensive', 'prices'],
    ['can i pay by paypal', 'payment-methods'],
    ['do you accept credit card', 'payment-methods'],
    ['refund please', 'refund-policy'],
    ['can i change my appointment', 'reschedule'],
    ['WHEN ARE YOU OPEN', 'hours'],
    ['what are your openign hours', 'hours'],
    ['can i reschedul my sesion', 'reschedule'],
  ])('answers the paraphrase %j from entry %s', (text, id) => {
    expect(faq.answer(text)).toMatchObject({ answered: true, entryId: id });
  });

  it.each([
    'What is the capital of Peru?',
    'my cat is sneezing',
    'asdf qwer',
    'What is your name?',
    'Can I get a pizza?',
    'How do I reset my password?',
    'how are you',
    'hi',
    '',
  ])('does not answer the unrelated %j', (text) => {
    expect(faq.answer(text)).toMatchObject({ answered: false, entryId: null, answer: null });
  });

  it('gives a confidence between 0 and 1, higher for a question it knows than for one it does not', () => {
    const known = faq.answer('When are you open?');
    const unknown = faq.answer('What is the capital of Peru?');
    for (const { confidence } of [known, unknown]) {
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(known.confidence).toBeGreaterThan(0.5);
    expect(unknown.confidence).toBeLessThan(0.5);
  });

  it('answers the same way every time it is built', () => {
    const again = createKnowledgeBaseResponder(FAQ);
    for (const text of ['is it expensive', 'what time do you open', 'my cat is sneezing']) expect(again.answer(text)).toEqual(faq.answer(text));
  });

  it('honours a custom threshold', () => {
    const eager = createKnowledgeBaseResponder(FAQ, { threshold: 0 });
    const strict = createKnowledgeBaseResponder(FAQ, { threshold: 1.01 });
    expect(eager.answer('what is the capital of Peru').answered).toBe(true);
    expect(strict.answer('When are you open?').answered).toBe(false);
  });

  it('works with a single entry and with an empty knowledge base', () => {
    const single = createKnowledgeBaseResponder([FAQ[0]!]);
    expect(single.answer('when do you open').entryId).toBe('hours');
    expect(single.answer('my cat is sneezing').answered).toBe(false);
    expect(createKnowledgeBaseResponder([]).answer('hello')).toEqual({ answered: false, entryId: null, answer: null, confidence: 0 });
  });
});
