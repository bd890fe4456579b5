import { contactRequestFeatures, type ContactRequestFeatures } from '../src/detection/contact-request-features.js';
import { contactRequestProbabilityOf } from '../src/detection/contact-request-model.js';
import { readContactCorpus, type ContactRow, type ContactSource } from '../training/contact-corpus.js';
import { trainContactRequestModel } from '../training/logistic-regression.js';
import { count, describe, type PrecisionRecall } from './confidence-interval.js';

/**
 * Leave-one-source-out: for each source, the model is trained (the same way
 * `npm run train` does) on every other source and measured on the held-out
 * one, so fitting one corpus cannot look like progress on it. The rules
 * alone are measured alongside, for comparison.
 */
export interface SourceResult {
  source: ContactSource;
  requests: number;
  others: number;
  model: PrecisionRecall;
  rules: PrecisionRecall;
  missed: string[];
  falseAlarms: string[];
  /** Per language, for our own sets. */
  languages: Map<string, PrecisionRecall>;
  /** Each held-out message's calibrated probability and whether it is a request, for a calibration check. */
  scored: Array<readonly [probability: number, isRequest: boolean]>;
}

export function leaveOneSourceOut(threshold = 0.5, rows: ContactRow[] = readContactCorpus()): SourceResult[] {
  const features: ContactRequestFeatures[] = rows.map((row) => contactRequestFeatures(row.text));
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  return sources.map((source) => {
    const train = rows.flatMap((row, i) => (row.source === source ? [] : [{ features: features[i]!, isRequest: row.isRequest }]));
    const model = trainContactRequestModel(train);
    const held = rows.map((row, i) => [row, features[i]!] as const).filter(([row]) => row.source === source);
    const probabilities = held.map(([, f]) => contactRequestProbabilityOf(model, f));
    const predictions = probabilities.map((probability) => probability >= threshold);
    const labels = held.map(([row]) => row.isRequest);
    const languages = new Map<string, PrecisionRecall>();
    for (const language of new Set(held.map(([row]) => row.language).filter((l): l is string => l !== undefined))) {
      const at = held.map(([row], i) => [row.language === language, i] as const).filter(([yes]) => yes).map(([, i]) => i);
      languages.set(language, count(at.map((i) => predictions[i]!), at.map((i) => labels[i]!)));
    }
    return {
      source,
      requests: labels.filter(Boolean).length,
      others: labels.filter((label) => !label).length,
      model: count(predictions, labels),
      rules: count(held.map(([, f]) => f.rules.isRequest), labels),
      missed: held.filter(([row], i) => row.isRequest && !predictions[i]).map(([row]) => row.text),
      falseAlarms: held.filter(([row], i) => !row.isRequest && predictions[i]).map(([row]) => row.text),
      languages,
      scored: held.map(([row], i) => [probabilities[i]!, row.isRequest] as const),
    };
  });
}

export { describe };

/**
 * Calibration on held-out text: messages pooled from every held-out source,
 * grouped by the probability the model (trained without their source) gave
 * them, with the share of requests among them. A calibrated model's share is
 * near the group's mean probability.
 */
export function calibrationTable(results: readonly SourceResult[]): string[] {
  const edges = [0, 0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95, 1.0001];
  const lines = ['| probability | messages | mean probability | share that are requests |', '| --- | --- | --- | --- |'];
  for (let b = 0; b + 1 < edges.length; b += 1) {
    const inBin = results.flatMap((result) => result.scored).filter(([p]) => p >= edges[b]! && p < edges[b + 1]!);
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((sum, [p]) => sum + p, 0) / inBin.length;
    const share = inBin.filter(([, isRequest]) => isRequest).length / inBin.length;
    lines.push(`| ${edges[b]!.toFixed(2)}–${Math.min(1, edges[b + 1]!).toFixed(2)} | ${inBin.length} | ${mean.toFixed(3)} | ${share.toFixed(3)} |`);
  }
  return lines;
}
