// `npm run train`: trains the contact-request model from eval/data and writes
// src/detection/contact-request-model.json. Deterministic: the same data
// gives the same file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contactRequestFeatures } from '../src/detection/contact-request-features.js';
import { encodeModel } from '../src/detection/contact-request-model.js';
import { readContactCorpus } from './contact-corpus.js';
import { trainContactRequestModel } from './logistic-regression.js';

const started = performance.now();
const rows = readContactCorpus();
const model = trainContactRequestModel(rows.map((row) => ({ features: contactRequestFeatures(row.text), isRequest: row.isRequest })));
const counts: Record<string, { requests: number; others: number }> = {};
for (const row of rows) {
  const count = (counts[row.source] ??= { requests: 0, others: 0 });
  if (row.isRequest) count.requests += 1;
  else count.others += 1;
}
const target = fileURLToPath(new URL('../src/detection/contact-request-model.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(encodeModel(model, counts))}\n`);
console.log(`trained on ${rows.length} messages in ${Math.round(performance.now() - started)} ms; calibration slope ${model.calibration.slope.toFixed(3)}, intercept ${model.calibration.intercept.toFixed(3)} → ${target}`);
