// `npx tsx eval/leave-one-source-out.ts`: the leave-one-source-out table of
// `npm run eval` alone (a minute or two), for measuring a change to the
// features or the training data between full runs, with Microsoft's held-out
// samples split by language (from the folder each .lu file sits in). Prints
// figures only, no errors: Microsoft's held-out misses are not read (see
// run-eval.ts).
import { join } from 'node:path';
import { EVAL_DATA_DIR, readContactCorpus, readJsonLines } from '../training/contact-corpus.js';
import { calibrationTable, describe, leaveOneSourceOut } from './contact-generalisation.js';

const microsoftLanguage = new Map<string, string>();
for (const row of readJsonLines<{ text: string; source: string }>(join(EVAL_DATA_DIR, 'contact_dev_extra.jsonl'))) {
  if (!row.source.startsWith('microsoft/')) continue;
  const folder = /\/LUI?S?\/([a-z]{2})(?:-[a-z]+)?\//.exec(row.source)?.[1] ?? 'en';
  microsoftLanguage.set(row.text, folder);
}
const rows = readContactCorpus().map((row) => (row.source === 'microsoft' ? { ...row, language: microsoftLanguage.get(row.text) ?? 'en' } : row));

const started = performance.now();
const results = leaveOneSourceOut(0.5, rows);
console.log('| held-out source | requests / others | model + rules | rules alone |');
console.log('| --- | --- | --- | --- |');
for (const result of results) console.log(`| ${result.source} | ${result.requests} / ${result.others} | ${describe(result.model)} | ${describe(result.rules)} |`);
for (const result of results) {
  for (const [language, counts] of [...result.languages].sort()) console.log(`| ${result.source}, ${language} | | ${describe(counts)} | |`);
}
console.log('\nCalibration on held-out text (every source held out in turn, pooled):\n');
for (const line of calibrationTable(results)) console.log(line);
console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
