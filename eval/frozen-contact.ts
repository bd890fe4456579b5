// The frozen contact-request sets: eval/data/ours/frozen_contact.jsonl,
// written for issue 20's second round before any change of that round, and
// frozen_contact_2.jsonl, written for the third round before any change of
// that one (the first set's errors had been read by then), and
// frozen_contact_3.jsonl, written for the fourth round before any change of
// that one, with English as well, and frozen_contact_4.jsonl, written for the
// fifth round before any change of that one, in other domains, and
// frozen_contact_5.jsonl, written for the sixth round before any change of
// that one, in other domains and registers again. None is
// trained on or tuned to. Measured per language for the shipped detector and
// for the rules alone. `npx tsx eval/frozen-contact.ts` prints both on their
// own (a few seconds); `npm run eval` includes them.
//
// The second to fifth sets' errors are not printed unless HANDOVER_EVAL_SHOW_FROZEN_ERRORS=1:
// reading them is what turned the first set into a development set.
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
export const FROZEN_CONTACT_FILE_2 = join('ours', 'frozen_contact_2.jsonl');
export const FROZEN_CONTACT_FILE_3 = join('ours', 'frozen_contact_3.jsonl');
export const FROZEN_CONTACT_FILE_4 = join('ours', 'frozen_contact_4.jsonl');
export const FROZEN_CONTACT_FILE_5 = join('ours', 'frozen_contact_5.jsonl');

export const FROZEN_CONTACT_SETS = [
  { name: 'first frozen set (issue 20, round 2; its errors have been read)', file: FROZEN_CONTACT_FILE, printErrors: true },
  { name: 'second frozen set (issue 20, round 3)', file: FROZEN_CONTACT_FILE_2, printErrors: process.env.HANDOVER_EVAL_SHOW_FROZEN_ERRORS === '1' },
  { name: 'third frozen set (issue 20, round 4; English too)', file: FROZEN_CONTACT_FILE_3, printErrors: process.env.HANDOVER_EVAL_SHOW_FROZEN_ERRORS === '1' },
  { name: 'fourth frozen set (issue 20, round 5; other domains)', file: FROZEN_CONTACT_FILE_4, printErrors: process.env.HANDOVER_EVAL_SHOW_FROZEN_ERRORS === '1' },
  { name: 'fifth frozen set (issue 20, round 6; other domains and registers)', file: FROZEN_CONTACT_FILE_5, printErrors: process.env.HANDOVER_EVAL_SHOW_FROZEN_ERRORS === '1' },
] as const;

/** `predict` defaults to the shipped detector at the default threshold; the eval passes the CLI's outputs. */
export function measureFrozenContactSet(
  dataDir = EVAL_DATA_DIR,
  predict: (texts: string[]) => boolean[] = (texts) => texts.map((text) => detectContactRequest(text).isRequest),
  file: string = FROZEN_CONTACT_FILE,
): FrozenLanguageResult[] {
  const rows = readJsonLines<FrozenRow>(join(dataDir, file));
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

export function printFrozenContactResults(results: FrozenLanguageResult[], printErrors = true): void {
  console.log('| language | requests / look-alikes | detector (shipped model + rules) | rules alone |');
  console.log('| --- | --- | --- | --- |');
  for (const result of results) console.log(`| ${result.language} | ${result.requests} / ${result.others} | ${describe(result.detector)} | ${describe(result.rules)} |`);
  if (!printErrors) return console.log('(errors not printed: HANDOVER_EVAL_SHOW_FROZEN_ERRORS=1 shows them, and the set is then no longer unseen)');
  for (const result of results) if (result.errors.length > 0) console.log(`frozen ${result.language} errors:`, result.errors);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.HANDOVER_EVAL_DATA ? resolve(process.env.HANDOVER_EVAL_DATA) : EVAL_DATA_DIR;
  for (const set of FROZEN_CONTACT_SETS) {
    console.log(`\n## ${set.name}: ${set.file}\n`);
    printFrozenContactResults(measureFrozenContactSet(dataDir, undefined, set.file), set.printErrors);
  }
}
