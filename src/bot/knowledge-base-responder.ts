import { IntentClassifier } from './intent-classifier.js';
import { createNearestQuestion } from './nearest-question.js';
import type { BotAnswer, KnowledgeBaseEntry, Responder } from './responder.js';
import { FeatureSpace } from './text-features.js';

/**
 * Answers from a knowledge base. A classifier trained on the entries'
 * question variants picks the entry; the bot answers only when the
 * classifier is confident enough for the number of entries AND the message
 * shares enough with that entry's questions. Otherwise it does not answer,
 * which is what hands over for `lack_of_information`.
 *
 * Tuned on CLINC150 val with a knowledge base built from its training set
 * (eval/RESULTS.md): in-scope accuracy about 0.90 with out-of-scope recall
 * about 0.7.
 */
const MIN_SIMILARITY = 0.1;

/** With more entries the winning probability is naturally lower; a floor keeps tiny bases honest. */
function probabilityThreshold(entries: number): number {
  return Math.min(0.5, Math.max(0.1, 1.5 / entries));
}

export function createKnowledgeBaseResponder(
  entries: readonly KnowledgeBaseEntry[],
  options: { threshold?: number } = {},
): Responder {
  const labels: number[] = [];
  const texts: string[] = [];
  entries.forEach((entry, index) => {
    for (const question of entry.questions) {
      labels.push(index);
      texts.push(question);
    }
  });
  const space = new FeatureSpace();
  const vectors = space.fit(texts);
  const classifier = entries.length > 1 ? new IntentClassifier(space.size, entries.length) : null;
  classifier?.train(vectors, labels);
  const nearest = createNearestQuestion(entries);
  const threshold = options.threshold ?? probabilityThreshold(entries.length);

  return {
    answer(text: string): BotAnswer {
      const close = nearest.closest(text);
      if (entries.length === 0 || close.entry < 0) return { answered: false, entryId: null, answer: null, confidence: 0 };
      const { label, probability } = classifier ? classifier.predict(space.vector(text)) : { label: 0, probability: close.similarity };
      const confidence = Math.min(1, probability);
      const sure = confidence >= threshold && close.similarity >= MIN_SIMILARITY;
      if (!sure) return { answered: false, entryId: null, answer: null, confidence };
      const entry = entries[label]!;
      return { answered: true, entryId: entry.id, answer: entry.answer, confidence };
    },
  };
}
