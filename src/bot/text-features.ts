import { tokenize } from '../text/normalize-text.js';
import { FeatureVocabulary } from './feature-vocabulary.js';

/**
 * A message as a sparse TF-IDF vector over a knowledge base's vocabulary:
 * stemmed words, pairs of adjacent words, and character 4-grams of the
 * normalised text (they carry typos, compounds and word forms the stemmer
 * misses: "refnd", "log in" / "login").
 *
 * Features are hashed to 30-bit integers rather than kept as strings, so
 * that reading the vocabulary of a large knowledge base (15,000 questions,
 * ~50,000 features) allocates little; a collision between two features is
 * rare enough to be noise.
 */
export interface TextVector {
  /** Indices into the feature space, each once. */
  readonly features: Int32Array;
  /** TF-IDF weights, L2-normalised over all the message's features, known or not. */
  readonly weights: Float32Array;
}

/**
 * Words that carry the form of a question more than its subject. A small
 * knowledge base cannot learn from document frequencies that "what is your"
 * says little ("What is your name?" is not "What is your refund policy?"),
 * so these words count as if they also appeared in FUNCTION_WORD_PRIOR other
 * questions. In a large base their real frequency dominates and the prior
 * fades away, leaving "when" and "how much" to tell questions apart.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the is are was were be been being am do does did doing i me my mine myself you your yours we us our it its ' +
    'this that these those to of in on at by for with from about as into than then there here and or but if so not no ' +
    'can could would should will shall may might must have has had what how when where which who whom whose why ' +
    'please tell know want need like just some any get got im id ive ill dont cant wont isnt arent doesnt didnt ' +
    'hi hello hey thanks thank ok okay yes'
  ).split(' '),
);
const FUNCTION_WORD_PRIOR = 30;

const WORD = 0x1000193;
const PAIR = 0x2000193;
const GRAM = 0x3000193;

/** FNV-1a over char codes, seeded by the kind of feature. */
function hashWord(word: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

/** Keys fit a small integer, so V8 keeps them unboxed in maps. */
const key = (hash: number) => hash & 0x3fffffff;

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ments', 'ment', 'ies', 'ed', 'es', 's', 'ly', 'e'];

/**
 * Crude English stemming, enough to meet inflections ("booked", "booking",
 * "books" → "book"; "cancellation", "cancelled" → "cancel").
 */
function stem(word: string): string {
  let w = word;
  if (w.length > 4) {
    for (const suffix of SUFFIXES) {
      if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
        w = w.slice(0, -suffix.length) + (suffix === 'ies' ? 'y' : '');
        break;
      }
    }
  }
  return w.length > 3 && w.charCodeAt(w.length - 1) === w.charCodeAt(w.length - 2) ? w.slice(0, -1) : w;
}

/**
 * Calls `visit` with each feature key of a message (repeats included: a
 * repeated word counts more) and whether it is made of function words only.
 */
function visitFeatures(text: string, visit: (key: number, functional: boolean) => void): void {
  const words = tokenize(text);
  let previous = 0;
  let previousFunctional = true;
  // character positions of " word word … " that belong to function words
  let padded = ' ';
  const inFunction: boolean[] = [true];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const functional = FUNCTION_WORDS.has(word);
    const hash = hashWord(stem(word), WORD);
    visit(key(hash), functional);
    if (i > 0) visit(key(Math.imul(previous ^ (hash + PAIR), 0x01000193)), functional && previousFunctional);
    previous = hash;
    previousFunctional = functional;
    padded += `${word} `;
    for (let j = 0; j < word.length; j += 1) inFunction.push(functional);
    inFunction.push(true);
  }
  for (let i = 0; i + 4 <= padded.length; i += 1) {
    let hash = GRAM;
    for (let j = i; j < i + 4; j += 1) hash = Math.imul(hash ^ padded.charCodeAt(j), 0x01000193);
    visit(key(hash), inFunction[i]! && inFunction[i + 1]! && inFunction[i + 2]! && inFunction[i + 3]!);
  }
}

interface FeatureCounts {
  features: Int32Array;
  counts: Float32Array;
  /** Squared weight of the features the knowledge base never saw. */
  unseen: number;
}

/** The vocabulary and document frequencies of a knowledge base's questions. */
export class FeatureSpace {
  private readonly vocabulary = new FeatureVocabulary();
  private readonly functional: boolean[] = [];
  /** Per feature: inverse document frequency (function words' with their prior). */
  private idf = new Float32Array(0);
  /** What a feature the knowledge base never saw weighs in a message's length. */
  private unseenWeight = 0;
  private unseenFunctionWeight = 0;
  // scratch for counting one message: its distinct features and their counts
  private distinct: number[] = [];
  private tally = new Float32Array(1024);

  /** Learns the vocabulary from the questions; returns their vectors. */
  fit(texts: readonly string[]): TextVector[] {
    const counted = texts.map((text) => this.count(text, true));
    const documentFrequency = new Uint32Array(this.vocabulary.size);
    for (const { features } of counted) for (const feature of features) documentFrequency[feature] = documentFrequency[feature]! + 1;
    const n = texts.length;
    this.idf = new Float32Array(this.vocabulary.size);
    for (let feature = 0; feature < this.idf.length; feature += 1) {
      this.idf[feature] = Math.log(1 + n / (documentFrequency[feature]! + (this.functional[feature] ? FUNCTION_WORD_PRIOR : 0)));
    }
    this.unseenWeight = Math.log(1 + n);
    this.unseenFunctionWeight = Math.log(1 + n / (1 + FUNCTION_WORD_PRIOR));
    return counted.map((counts) => this.weigh(counts));
  }

  /**
   * A message's vector. Features the knowledge base never saw still count in
   * its length, as the rarest known ones would: "Can I get a pizza?" must not
   * look like "Can I get a" to a base that knows "Can I get a refund?".
   */
  vector(text: string): TextVector {
    return this.weigh(this.count(text, false));
  }

  get size(): number {
    return this.vocabulary.size;
  }

  private count(text: string, grow: boolean): FeatureCounts {
    const { distinct } = this;
    distinct.length = 0;
    let unseen = 0;
    visitFeatures(text, (hash, functional) => {
      let feature = this.vocabulary.find(hash);
      if (feature === -1) {
        if (!grow) {
          const weight = functional ? this.unseenFunctionWeight : this.unseenWeight;
          unseen += weight * weight;
          return;
        }
        feature = this.vocabulary.add(hash);
        this.functional.push(functional);
      }
      if (feature >= this.tally.length) {
        const tally = new Float32Array(Math.max(feature + 1, this.tally.length * 2));
        tally.set(this.tally);
        this.tally = tally;
      }
      if (this.tally[feature] === 0) distinct.push(feature);
      this.tally[feature] = this.tally[feature]! + 1;
    });
    const features = new Int32Array(distinct.length);
    const counts = new Float32Array(distinct.length);
    for (let j = 0; j < distinct.length; j += 1) {
      features[j] = distinct[j]!;
      counts[j] = this.tally[distinct[j]!]!;
      this.tally[distinct[j]!] = 0;
    }
    return { features, counts, unseen };
  }

  private weigh({ features, counts, unseen }: FeatureCounts): TextVector {
    const weights = new Float32Array(features.length);
    let squares = unseen;
    for (let j = 0; j < features.length; j += 1) {
      const weight = (1 + Math.log(counts[j]!)) * this.idf[features[j]!]!;
      weights[j] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let j = 0; j < weights.length; j += 1) weights[j] = weights[j]! / norm;
    return { features, weights };
  }
}
