import { FEATURE_BITS, summedContactRequestFeatures, type ContactRequestFeatures } from './contact-request-features.js';

/**
 * A logistic regression over hashed features (contact-request-features.ts),
 * trained by `npm run train` from the public data in eval/data and shipped
 * as contact-request-model.json: nothing is downloaded or trained at run
 * time. Weights are stored as 16-bit integers times a scale, base64, to keep
 * the file small; the margin goes through a Platt curve fitted on
 * out-of-fold margins, so the probability is calibrated, not the raw
 * logistic output of a model that has seen its own training data.
 */
export interface ContactRequestModel {
  readonly bias: number;
  readonly weights: Float32Array;
  readonly calibration: { readonly slope: number; readonly intercept: number };
  /** Share of requests among training messages the rules call requests, and among those they call look-alikes, Laplace-smoothed. */
  readonly ruleRates: Readonly<Record<string, number>>;
}

export interface ContactRequestModelFile {
  format: 1;
  featureBits: number;
  bias: number;
  scale: number;
  /** Int16 little-endian, base64. */
  weights: string;
  calibration: { slope: number; intercept: number };
  ruleRates: Record<string, number>;
  trainedOn: Record<string, unknown>;
}

export function marginOf(model: ContactRequestModel, features: ContactRequestFeatures): number {
  let sum = 0;
  const { indices } = features;
  for (let i = 0; i < indices.length; i += 1) sum += model.weights[indices[i]!]!;
  return model.bias + model.weights[features.ruleIndex]! + sum * features.value;
}

export function calibratedProbability(model: ContactRequestModel, margin: number): number {
  return 1 / (1 + Math.exp(-(model.calibration.slope * margin + model.calibration.intercept)));
}

/**
 * The model's probability, held to the rules where they are sure: a message
 * the rules call a request is at least as likely as their track record on the
 * training data says, and one they rule out as a look-alike ("are you a
 * human?", "speak slower") at most as likely. Elsewhere the model decides.
 */
export function contactRequestProbabilityOf(model: ContactRequestModel, features: ContactRequestFeatures): number {
  return heldToRules(model, calibratedProbability(model, marginOf(model, features)), features.rules);
}

function heldToRules(model: ContactRequestModel, probability: number, rules: ContactRequestFeatures['rules']): number {
  const kind = ruleVerdictKind(rules);
  const rate = kind === null ? undefined : model.ruleRates[kind];
  if (rate === undefined) return probability;
  return kind === 'request' ? Math.max(probability, rate) : Math.min(probability, rate);
}

/** contactRequestProbabilityOf(model, contactRequestFeatures(text)), the same number, with the weights summed as the features are found. */
export function contactRequestProbabilityOfText(model: ContactRequestModel, text: string): number {
  const { sum, count, ruleIndex, rules } = summedContactRequestFeatures(text, model.weights);
  const value = count === 0 ? 0 : 1 / Math.sqrt(count);
  return heldToRules(model, calibratedProbability(model, model.bias + model.weights[ruleIndex]! + sum * value), rules);
}

/**
 * The rules' verdict: a request, a known look-alike ("are you a human?",
 * "speak slower", or a request aimed at someone else's staff: "…to customer
 * service regarding my flight", score 0.5), or neither (null).
 */
export function ruleVerdictKind(rules: { isRequest: boolean; score: number }): 'request' | 'look-alike' | null {
  if (rules.isRequest) return 'request';
  return rules.score === 0.05 || rules.score === 0.1 || rules.score === 0.5 ? 'look-alike' : null;
}

export function decodeModel(file: ContactRequestModelFile): ContactRequestModel {
  if (file.format !== 1 || file.featureBits !== FEATURE_BITS) {
    throw new Error(`contact-request model: format ${file.format} over ${file.featureBits} bits, expected 1 over ${FEATURE_BITS}; run npm run train`);
  }
  const bytes = Buffer.from(file.weights, 'base64');
  const weights = new Float32Array(1 << FEATURE_BITS);
  for (let i = 0; i < weights.length; i += 1) weights[i] = bytes.readInt16LE(i * 2) * file.scale;
  return { bias: file.bias, weights, calibration: file.calibration, ruleRates: file.ruleRates };
}

export function encodeModel(model: ContactRequestModel, trainedOn: Record<string, unknown>): ContactRequestModelFile {
  let largest = 1e-9;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / 32767;
  const bytes = Buffer.alloc(model.weights.length * 2);
  model.weights.forEach((weight, i) => bytes.writeInt16LE(Math.round(weight / scale), i * 2));
  return { format: 1, featureBits: FEATURE_BITS, bias: model.bias, scale, weights: bytes.toString('base64'), calibration: model.calibration, ruleRates: model.ruleRates, trainedOn };
}
