// `npx tsx eval/rule-verdicts.ts save <file>` before a change to the rules,
// `npx tsx eval/rule-verdicts.ts compare <file>` after it: how many of the
// rules' verdicts on the public corpora (Bitext, Microsoft, Rasa, CLINC150
// train + val) the change moved, by source and label. Texts are printed for
// every source but Microsoft, whose held-out misses are not read (see
// run-eval.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchContactRequestRules } from '../src/detection/contact-request-rules.js';
import { EVAL_DATA_DIR, readContactCorpus, readJsonLines } from '../training/contact-corpus.js';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'compare') || !file) {
  console.error('usage: npx tsx eval/rule-verdicts.ts save|compare <file>');
  process.exit(2);
}
const rows = readContactCorpus()
  .filter((row) => row.source !== 'ours')
  .map((row) => ({ text: row.text, source: row.source as string, isRequest: row.isRequest }));
for (const part of ['train', 'val']) {
  for (const row of readJsonLines<{ text: string }>(join(EVAL_DATA_DIR, 'clinc150', `${part}.jsonl`))) rows.push({ text: row.text, source: `clinc150 ${part}`, isRequest: false });
}
const verdicts = rows.map((row) => {
  const verdict = matchContactRequestRules(row.text);
  return `${verdict.isRequest} ${verdict.score}`;
});
if (mode === 'save') {
  writeFileSync(file, JSON.stringify(verdicts));
  console.log(`${rows.length} verdicts saved to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const changed = new Map<string, number>();
  rows.forEach((row, i) => {
    if (before[i] === verdicts[i]) return;
    const flagged = (verdict: string) => (verdict.startsWith('true') ? 'request' : 'not');
    const key = `${row.source}, labelled ${row.isRequest ? 'request' : 'other'}: ${flagged(before[i]!)} -> ${flagged(verdicts[i]!)}`;
    changed.set(key, (changed.get(key) ?? 0) + 1);
    if (row.source !== 'microsoft') console.log(`${key} (${before[i]} -> ${verdicts[i]}): ${row.text}`);
  });
  console.log(`${rows.length} texts; changed:`, changed.size === 0 ? 'none' : Object.fromEntries(changed));
}
