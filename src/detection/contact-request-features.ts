import { matchContactRequestRules } from './contact-request-rules.js';
import { normalizedMessage } from './normalized-message.js';

/**
 * A message as the learned contact-request model sees it: hashed words,
 * pairs of adjacent words, character 3- to 5-grams of the normalised text
 * (typos, other languages' word forms, Chinese characters), and the verdict
 * of the hand-written rules, so the model learns how far to trust them.
 * Each text feature weighs 1/√n, n the message's feature count, so long
 * messages do not win by length; the rules' verdict weighs 1.
 *
 * Training (training/) and detection share this one function: a change
 * here means retraining (`npm run train`).
 */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

const WORD = 0x1000193;
const PAIR = 0x2000193;
const GRAM = 0x3000193;
const RULE = 0x4000193;

function hashOf(text: string, start: number, end: number, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 15)) & MASK;
}

export interface ContactRequestFeatures {
  /** Bucket indices of the text's features; a bucket may repeat (its weight then counts again). */
  readonly indices: Int32Array;
  /** The weight of every text feature, 1/√n. */
  readonly value: number;
  /** Bucket of the rules' verdict, which counts with weight 1 whatever the message's length. */
  readonly ruleIndex: number;
  /** The rules' own verdict, kept for the caller. */
  readonly rules: { isRequest: boolean; score: number };
}

export function contactRequestFeatures(text: string): ContactRequestFeatures {
  const out: number[] = [];
  const { rules, ruleIndex } = visitContactRequestFeatures(text, (index) => out.push(index));
  return { indices: Int32Array.from(out), value: out.length === 0 ? 0 : 1 / Math.sqrt(out.length), ruleIndex, rules };
}

/**
 * The weights of a message's text features summed in the order
 * contactRequestFeatures lists them (so the sum is the same number, to the
 * last bit), without listing them: what detection needs on every customer
 * turn, where the list and its typed copy were garbage at once.
 */
export function summedContactRequestFeatures(text: string, weights: Float32Array): { sum: number; count: number; ruleIndex: number; rules: ContactRequestFeatures['rules'] } {
  let sum = 0;
  let count = 0;
  const { rules, ruleIndex } = visitContactRequestFeatures(text, (index) => {
    sum += weights[index]!;
    count += 1;
  });
  return { sum, count, ruleIndex, rules };
}

let codes = new Int32Array(256);

/** Calls `visit` with each text feature's bucket, in one fixed order; the one definition of the features. */
function visitContactRequestFeatures(text: string, visit: (index: number) => void): Pick<ContactRequestFeatures, 'ruleIndex' | 'rules'> {
  const normalized = normalizedMessage(text);
  const rules = matchContactRequestRules(text);
  const padded = ` ${normalized} `;
  const verdict = `rule ${rules.score}`;
  if (normalized !== '') {
    // words and adjacent pairs, straight from the padded string's spaces
    let previousStart = -1;
    let start = 1;
    for (let i = 1; i < padded.length; i += 1) {
      if (padded.charCodeAt(i) !== 32) continue;
      visit(hashOf(padded, start, i, WORD));
      if (previousStart >= 0) visit(hashOf(padded, previousStart, i, PAIR));
      previousStart = start;
      start = i + 1;
    }
    // the same hashes as hashOf(padded, i, i + n, GRAM + n), in the same order, from the character codes read once
    const length = padded.length;
    if (codes.length < length) codes = new Int32Array(length * 2);
    for (let i = 0; i < length; i += 1) codes[i] = padded.charCodeAt(i);
    for (let n = 3; n <= 5; n += 1) {
      const start = 0x811c9dc5 ^ (GRAM + n);
      for (let i = 0; i + n <= length; i += 1) {
        let hash = start;
        for (let k = i; k < i + n; k += 1) hash = Math.imul(hash ^ codes[k]!, 0x01000193);
        visit((hash ^ (hash >>> 15)) & MASK);
      }
    }
  }
  return { ruleIndex: hashOf(verdict, 0, verdict.length, RULE), rules };
}
