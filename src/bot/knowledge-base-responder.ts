import { EntryClassifier } from './entry-classifier.js';
import type { BotAnswer, KnowledgeBaseEntry, KnowledgeBaseResponder, RetrievedEntry } from './responder.js';
import { FeatureSpace } from './text-features.js';

/**
 * Answers from a knowledge base: the entry whose learnt score is highest,
 * when the bot is confident enough; otherwise no answer, which is what hands
 * the conversation over for `lack_of_information`.
 *
 * Confidence is the probability that the answer is right, read from the best
 * entry's score through a logistic curve fitted on CLINC150 (a 150-entry
 * knowledge base built from its training queries, measured on its validation
 * queries and its out-of-scope ones; eval/RESULTS.md). That score already
 * folds in how close the message comes to the entry's questions and how far
 * it stands from the other entries (training pushed each question's entry
 * above its closest rivals). Unlike a softmax probability it does not grow
 * because a knowledge base has few entries: an unrelated question scores low
 * against a 3-entry FAQ too. The default threshold, 0.5, answers when right
 * is likelier than wrong (measured on CLINC150: eval/RESULTS.md). Bases with only a
 * few variants per entry are stricter (paraphrases far from every variant
 * score low); more variants, or a lower threshold, make them answer more.
 */
const SCORE_SLOPE = 3.6;
const SCORE_AT_EVEN_ODDS = 0.6;
const DEFAULT_THRESHOLD = 0.5;

const NO_ANSWER: BotAnswer = { answered: false, entryId: null, answer: null, confidence: 0 };

export function createKnowledgeBaseResponder(
  entries: readonly KnowledgeBaseEntry[],
  options: { threshold?: number } = {},
): KnowledgeBaseResponder {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const questions: string[] = [];
  const labels: number[] = [];
  entries.forEach((entry, index) => {
    for (const question of entry.questions) {
      questions.push(question);
      labels.push(index);
    }
  });
  if (questions.length === 0) return { answer: () => NO_ANSWER, retrieve: () => [] };

  const space = new FeatureSpace();
  const vectors = space.fit(questions);
  const classifier = new EntryClassifier(entries.length, space.size, vectors, labels);
  const scores = new Float64Array(entries.length);

  return {
    answer(text: string): BotAnswer {
      const message = space.vector(text);
      if (message.features.length === 0) return NO_ANSWER;
      classifier.score(message, scores);
      let best = 0;
      for (let entry = 1; entry < scores.length; entry += 1) if (scores[entry]! > scores[best]!) best = entry;
      const confidence = confidenceOf(scores[best]!);
      if (confidence < threshold) return { ...NO_ANSWER, confidence };
      const entry = entries[best]!;
      return { answered: true, entryId: entry.id, answer: entry.answer, confidence };
    },
    retrieve(text: string, limit: number): RetrievedEntry[] {
      const message = space.vector(text);
      if (message.features.length === 0 || limit <= 0) return [];
      classifier.score(message, scores);
      return [...scores.keys()]
        .sort((a, b) => scores[b]! - scores[a]!)
        .slice(0, limit)
        .map((index) => ({ entry: entries[index]!, confidence: confidenceOf(scores[index]!) }));
    },
  };
}

function confidenceOf(score: number): number {
  return 1 / (1 + Math.exp(-SCORE_SLOPE * (score - SCORE_AT_EVEN_ODDS)));
}
