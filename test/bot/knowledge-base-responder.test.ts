import { describe, expect, it } from 'vitest';
import { createKnowledgeBaseResponder } from '../../src/bot/knowledge-base-responder.js';

const faq = createKnowledgeBaseResponder([
  { id: 'hours', questions: ['What are your opening hours?', 'When are you open?', 'Are you open on weekends?'], answer: 'Open 9 to 5.' },
  { id: 'price', questions: ['How much does it cost?', 'What are your prices?', 'How expensive is a session?'], answer: '$90 a session.' },
  { id: 'refund-policy', questions: ['What is your refund policy?', 'Can I get a refund?'], answer: 'Within 14 days.' },
]);

describe('knowledge-base responder', () => {
  it.each([
    ['When are you open?', 'hours'],
    ['what are the opening hours', 'hours'],
    ['are you open on the weekend', 'hours'],
    ['how much does a session cost', 'price'],
    ['what are the prices', 'price'],
  ])('answers %j from entry %s', (text, id) => {
    const answer = faq.answer(text);
    expect(answer).toMatchObject({ answered: true, entryId: id });
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it.each(['What is the capital of Peru?', 'my cat is sneezing', 'asdf qwer'])('does not answer the unrelated %j', (text) => {
    expect(faq.answer(text)).toMatchObject({ answered: false, entryId: null, answer: null });
  });

  it('answers nothing from an empty knowledge base', () => {
    expect(createKnowledgeBaseResponder([]).answer('hello').answered).toBe(false);
  });
});
