// The frozen contact-request set (eval/data/ours/frozen_contact.jsonl): written
// for issue 20 before any change of that round and never trained on or tuned
// to. Measured per language for the shipped detector and for the rules alone.
// `npx tsx eval/frozen-contact.ts` prints it on its own (a few seconds);
// `npm run eval` includes it.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectContactRequest } from '../src/detection/contact-request.js';
import { matchContactRequestRules } from '../src/detection/contact-request-rules.js';
import { EVAL_DATA_DIR, readJsonLines } from '../training/contact-corpus.js';
import { count, describe, type PrecisionRecall } from './confidence-interval.js';

interface FrozenRow {
  text: string;
  label: string;
  language: string;
}

export interface FrozenLanguageResult {
  language: string;
  requests: number;
  others: number;
  detector: PrecisionRecall;
  rules: PrecisionRecall;
  errors: string[];
}

export const FROZEN_CONTACT_FILE = join('ours', 'frozen_contact.jsonl');

/** `predict` defaults to the shipped detector at the default threshold; the eval passes the CLI's outputs. */
export function measureFrozenContactSet(dataDir = EVAL_DATA_DIR, predict: (texts: string[]) => boolean[] = (texts) => texts.map((text) => detectContactRequest(text).isRequest)): FrozenLanguageResult[] {
  const rows = readJsonLines<FrozenRow>(join(dataDir, FROZEN_CONTACT_FILE));
  const predictions = predict(rows.map((row) => row.text));
  const rulePredictions = rows.map((row) => matchContactRequestRules(row.text).isRequest);
  const languages = [...new Set(rows.map((row) => row.language))];
  return [...languages, 'all'].map((language) => {
    const at = rows.flatMap((row, i) => (language === 'all' || row.language === language ? [i] : []));
    const labels = at.map((i) => rows[i]!.label === 'contact_request');
    return {
      language,
      requests: labels.filter(Boolean).length,
      others: labels.filter((label) => !label).length,
      detector: count(at.map((i) => predictions[i]!), labels),
      rules: count(at.map((i) => rulePredictions[i]!), labels),
      errors: language === 'all' ? [] : at.filter((i, k) => predictions[i] !== labels[k]).map((i) => `${rows[i]!.label === 'contact_request' ? 'missed' : 'false alarm'}: ${rows[i]!.text}`),
    };
  });
}

export function printFrozenContactResults(results: FrozenLanguageResult[]): void {
  console.log('| language | requests / look-alikes | detector (shipped model + rules) | rules alone |');
  console.log('| --- | --- | --- | --- |');
  for (const result of results) console.log(`| ${result.language} | ${result.requests} / ${result.others} | ${describe(result.detector)} | ${describe(result.rules)} |`);
  for (const result of results) if (result.errors.length > 0) console.log(`frozen ${result.language} errors:`, result.errors);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printFrozenContactResults(measureFrozenContactSet(process.env.HANDOVER_EVAL_DATA ? resolve(process.env.HANDOVER_EVAL_DATA) : EVAL_DATA_DIR));
}
