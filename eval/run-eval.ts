// `npm run eval`: detection quality on public data (shared/data, read in place),
// measured through the CLI as a user would run it. Last line: one JSON object.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(process.env.HANDOVER_EVAL_DATA ?? join(repoRoot, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'contact_dev.jsonl'))) {
  console.error(`eval: no public data at ${dataDir} (set HANDOVER_EVAL_DATA to the folder holding contact_dev.jsonl and clinc150/)`);
  process.exit(2);
}

const readLines = <T>(file: string): T[] =>
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

/** Runs the CLI on the texts; returns its output lines and the wall time per message. */
function runCli(args: string[], texts: string[]): Promise<{ outputs: any[]; usPerMessage: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'handover.js'), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`handover ${args.join(' ')} exited ${code}`));
      const outputs = stdout.trim().split('\n').map((line) => JSON.parse(line));
      resolvePromise({ outputs, usPerMessage: 0 });
    });
    child.stdin.end(texts.map((text) => JSON.stringify({ text })).join('\n') + '\n');
  });
}

/** Per-message cost inside the CLI process, without start-up: time a large and a small run and take the difference. */
async function perMessageMicros(args: string[], sample: string[]): Promise<number> {
  // enough messages that process start-up noise is small beside them
  const texts = Array.from({ length: Math.ceil(20_000 / sample.length) }, () => sample).flat();
  const small = texts.slice(0, 10);
  const t0 = performance.now();
  await runCli(args, small);
  const t1 = performance.now();
  await runCli(args, texts);
  const t2 = performance.now();
  return ((t2 - t1 - (t1 - t0)) * 1000) / (texts.length - small.length);
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

// contact_request on contact_dev.jsonl
const contact = readLines<{ text: string; label: string }>('contact_dev.jsonl');
const classified = await runCli(['classify'], contact.map((row) => row.text));
let tp = 0;
let fp = 0;
let fn = 0;
const falsePositives: string[] = [];
const falseNegatives: string[] = [];
contact.forEach((row, i) => {
  const predicted = classified.outputs[i].contact_request === true;
  const actual = row.label === 'contact_request';
  if (predicted && actual) tp += 1;
  else if (predicted) (fp += 1, falsePositives.push(row.text));
  else if (actual) (fn += 1, falseNegatives.push(row.text));
});
const contactPrecision = tp / Math.max(1, tp + fp);
const contactRecall = tp / Math.max(1, tp + fn);
const classifyMicros = await perMessageMicros(['classify'], contact.map((row) => row.text));

// contact_request false alarms on CLINC150 (none of its 150 intents asks for a person)
const clincTrain = readLines<{ text: string; intent: string }>('clinc150/train.jsonl');
const clincVal = readLines<{ text: string; intent: string }>('clinc150/val.jsonl');
const clincClassified = await runCli(['classify'], [...clincTrain, ...clincVal].map((row) => row.text));
const clincAlarms = clincClassified.outputs.filter((output) => output.contact_request).length;
const sensitiveHits = clincClassified.outputs.filter((output) => output.sensitive_topic).length;

// lack_of_information: a knowledge base from CLINC150 train (one entry per intent), measured on val
const byIntent = new Map<string, string[]>();
for (const row of clincTrain) {
  if (row.intent === 'oos') continue;
  byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row.text]);
}
const kbFile = join(mkdtempSync(join(tmpdir(), 'handover-eval-')), 'clinc150-kb.json');
writeFileSync(kbFile, JSON.stringify([...byIntent].map(([id, questions]) => ({ id, questions, answer: `(${id})` }))));
const answered = await runCli(['answer', '--kb', kbFile], clincVal.map((row) => row.text));
let inScope = 0;
let inScopeRight = 0;
let outOfScope = 0;
let outOfScopeRefused = 0;
const confusions: string[] = [];
clincVal.forEach((row, i) => {
  const output = answered.outputs[i];
  if (row.intent === 'oos') {
    outOfScope += 1;
    if (!output.answered) outOfScopeRefused += 1;
    else if (confusions.length < 8) confusions.push(`oos answered as ${output.id}: ${row.text}`);
  } else {
    inScope += 1;
    if (output.answered && output.id === row.intent) inScopeRight += 1;
    else if (confusions.length < 16) confusions.push(`${row.intent} → ${output.answered ? output.id : 'no answer'}: ${row.text}`);
  }
});
const answerMicros = await perMessageMicros(['answer', '--kb', kbFile], clincVal.map((row) => row.text));

console.log('| trigger | data | precision | recall | F1 | notes |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
const f1 = (2 * contactPrecision * contactRecall) / Math.max(1e-9, contactPrecision + contactRecall);
console.log(`| contact_request | contact_dev (30 / ${contact.length}) | ${round(contactPrecision)} | ${round(contactRecall)} | ${round(f1)} | ${fp} false alarms, ${fn} missed |`);
console.log(`| contact_request | CLINC150 train+val (${clincTrain.length + clincVal.length}, no requests) | | | | ${clincAlarms} false alarms |`);
console.log(`| sensitive_topic (defaults) | CLINC150 train+val | | | | ${sensitiveHits} messages touch a default topic |`);
console.log(`| lack_of_information | CLINC150 val, KB from train | in-scope accuracy ${round(inScopeRight / inScope)} | OOS recall ${round(outOfScopeRefused / outOfScope)} | | ${inScope} in scope, ${outOfScope} out of scope |`);
console.log(`\nclassify: ${round(classifyMicros, 1)} µs/message; answer (150-entry KB): ${round(answerMicros, 1)} µs/message`);
console.log('\ncontact_request false alarms:', falsePositives);
console.log('contact_request missed:', falseNegatives);
console.log('knowledge-base confusions (first few):');
for (const line of confusions) console.log(`  ${line}`);
console.log(
  JSON.stringify({
    contact_precision: round(contactPrecision),
    contact_recall: round(contactRecall),
    oos_recall: round(outOfScopeRefused / outOfScope),
    in_scope_accuracy: round(inScopeRight / inScope),
    us_per_message: round(classifyMicros, 1),
    answer_us_per_message: round(answerMicros, 1),
    clinc_contact_false_alarms: clincAlarms,
  }),
);
