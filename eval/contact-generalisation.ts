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
}

export function leaveOneSourceOut(threshold = 0.5, rows: ContactRow[] = readContactCorpus()): SourceResult[] {
  const features: ContactRequestFeatures[] = rows.map((row) => contactRequestFeatures(row.text));
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  return sources.map((source) => {
    const train = rows.flatMap((row, i) => (row.source === source ? [] : [{ features: features[i]!, isRequest: row.isRequest }]));
    const model = trainContactRequestModel(train);
    const held = rows.map((row, i) => [row, features[i]!] as const).filter(([row]) => row.source === source);
    const predictions = held.map(([, f]) => contactRequestProbabilityOf(model, f) >= threshold);
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
    };
  });
}

export { describe };
