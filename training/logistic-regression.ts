import type { ContactRequestFeatures } from '../src/detection/contact-request-features.js';
import { FEATURE_BITS } from '../src/detection/contact-request-features.js';
import { marginOf, ruleVerdictKind, type ContactRequestModel } from '../src/detection/contact-request-model.js';

/**
 * Deterministic training of the contact-request model: averaged stochastic
 * gradient descent on the logistic loss, examples visited in an order drawn
 * from a fixed seed, then a Platt curve fitted on margins each example got
 * from a model trained without it (k folds), so the probability is
 * calibrated on text the model had not seen.
 */
export interface TrainingExample {
  readonly features: ContactRequestFeatures;
  readonly isRequest: boolean;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** Weight of a request's loss relative to another message's. */
  requestWeight?: number;
  l2?: number;
  folds?: number;
  seed?: number;
  /** Share of training visits in which the rules' verdict is hidden, so the text features learn to stand without it. */
  ruleDropout?: number;
}

const DEFAULTS = { epochs: 8, learningRate: 0.5, requestWeight: 2, l2: 1e-6, folds: 5, seed: 7, ruleDropout: 0.3 };

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The linear part only: weights and bias, calibration left neutral. */
function fitLinear(examples: readonly TrainingExample[], options: Required<TrainingOptions>): ContactRequestModel {
  const size = 1 << FEATURE_BITS;
  const weights = new Float32Array(size);
  // averaged SGD: sum of weights over steps, kept lazily via a step-weighted correction
  const correction = new Float64Array(size);
  let bias = 0;
  let biasCorrection = 0;
  const random = seededRandom(options.seed);
  const dropout = seededRandom(options.seed + 1);
  let step = 1;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const example of shuffled(examples, random)) {
      const { indices, value } = example.features;
      const rule = example.features.ruleIndex;
      const ruleShown = options.ruleDropout === 0 || dropout() >= options.ruleDropout;
      let margin = bias + (ruleShown ? weights[rule]! : 0);
      for (let i = 0; i < indices.length; i += 1) margin += weights[indices[i]!]! * value;
      const target = example.isRequest ? 1 : 0;
      const predicted = 1 / (1 + Math.exp(-margin));
      const rate = options.learningRate / (1 + step * options.l2 * options.learningRate);
      const gradient = (predicted - target) * (example.isRequest ? options.requestWeight : 1) * rate;
      if (gradient !== 0) {
        for (let i = 0; i < indices.length; i += 1) {
          const index = indices[i]!;
          weights[index] = weights[index]! - gradient * value;
          correction[index] = correction[index]! - step * gradient * value;
        }
        if (ruleShown) {
          weights[rule] = weights[rule]! - gradient;
          correction[rule] = correction[rule]! - step * gradient;
        }
        bias -= gradient;
        biasCorrection -= step * gradient;
      }
      step += 1;
    }
  }
  const averaged = new Float32Array(size);
  for (let i = 0; i < size; i += 1) averaged[i] = weights[i]! - correction[i]! / step;
  return { bias: bias - biasCorrection / step, weights: averaged, calibration: { slope: 1, intercept: 0 }, ruleRates: {} };
}

/** Platt scaling: slope and intercept maximising the likelihood of the labels given the margins (Newton's method). */
export function fitPlatt(margins: readonly number[], labels: readonly boolean[]): { slope: number; intercept: number } {
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  // Platt's smoothed targets keep a separable set from driving the slope to infinity
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    margins.forEach((margin, i) => {
      const p = 1 / (1 + Math.exp(-(slope * margin + intercept)));
      const t = labels[i] ? high : low;
      const d = p - t;
      const w = p * (1 - p);
      ga += d * margin;
      gb += d;
      haa += w * margin * margin;
      hab += w * margin;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    slope -= da;
    intercept -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope, intercept };
}

export function trainContactRequestModel(examples: readonly TrainingExample[], options: TrainingOptions = {}): ContactRequestModel {
  const settings = { ...DEFAULTS, ...options };
  const margins = new Array<number>(examples.length);
  for (let fold = 0; fold < settings.folds; fold += 1) {
    const inFold = (i: number) => i % settings.folds === fold;
    const model = fitLinear(examples.filter((_, i) => !inFold(i)), settings);
    examples.forEach((example, i) => {
      if (inFold(i)) margins[i] = marginOf(model, example.features);
    });
  }
  const model = fitLinear(examples, settings);
  // pooled by kind of verdict: single rule outcomes are too rare to estimate one by one
  const tallies = { request: { requests: 0, all: 0 }, 'look-alike': { requests: 0, all: 0 } };
  for (const example of examples) {
    const kind = ruleVerdictKind(example.features.rules);
    if (kind === null) continue;
    tallies[kind].all += 1;
    if (example.isRequest) tallies[kind].requests += 1;
  }
  const ruleRates = Object.fromEntries(Object.entries(tallies).map(([kind, { requests, all }]) => [kind, (requests + 1) / (all + 2)]));
  return { ...model, calibration: fitPlatt(margins, examples.map((example) => example.isRequest)), ruleRates };
}
