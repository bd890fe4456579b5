import { contactRequestProbability } from '../../src/detection/contact-request.js';

// Asks for a person that only the learned model recognises (the rules do not), each scored somewhere
// between the default threshold and a strict bot's. Which of them lands there moves with each retraining,
// so the threshold tests take the first that does rather than one fixed phrase.
const CANDIDATES = ['human assistance', 'human assist', 'a human around?', 'human assistance needed', 'assistance by a human', 'some human assistance'];

export function lukewarmAsk(low = 0.5, high = 0.99): string {
  const found = CANDIDATES.find((text) => {
    const score = contactRequestProbability(text);
    return score >= low && score < high;
  });
  if (found === undefined) throw new Error(`none of the lukewarm asks scores in [${low}, ${high}): ${CANDIDATES.map((text) => contactRequestProbability(text).toFixed(3)).join(', ')}`);
  return found;
}
