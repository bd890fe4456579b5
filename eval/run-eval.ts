// `npm run eval`: detection quality on public data, read in place from
// ../shared/data (or HANDOVER_EVAL_DATA), measured through the CLI as a user
// would run it. The last line printed is one JSON object with the figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKnowledgeBaseResponder } from '../src/bot/knowledge-base-responder.js';
import type { KnowledgeBaseEntry } from '../src/bot/responder.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(process.env.HANDOVER_EVAL_DATA ?? join(repoRoot, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'contact_dev.jsonl')) || !existsSync(join(dataDir, 'clinc150', 'val.jsonl'))) {
  console.error(`eval: no public data at ${dataDir} (set HANDOVER_EVAL_DATA to the folder holding contact_dev.jsonl and clinc150/)`);
  process.exit(2);
}
const workDir = mkdtempSync(join(tmpdir(), 'handover-eval-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

interface Labelled {
  text: string;
  label?: string;
  intent?: string;
}

const readJsonLines = (file: string): Labelled[] =>
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);

type Output = Record<string, unknown>;

/** Runs `node bin/handover.js ARGS` with the texts as JSON lines on stdin; resolves with its output lines and wall time. */
function runCli(args: string[], texts: readonly string[]): Promise<{ outputs: Output[]; ms: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'handover.js'), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`handover ${args.join(' ')} exited with ${code}`));
      const outputs = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Output);
      if (outputs.length !== texts.length) return fail(new Error(`handover ${args.join(' ')}: ${outputs.length} lines out for ${texts.length} in`));
      done({ outputs, ms: performance.now() - started });
    });
    child.stdin.end(texts.map((text) => `${JSON.stringify({ text })}\n`).join(''));
  });
}

/** Per-message cost inside the CLI, start-up and knowledge-base loading excluded: a large run minus a tiny one. */
async function microsPerMessage(args: string[], sample: readonly string[]): Promise<number> {
  const many = Array.from({ length: Math.ceil(20_000 / sample.length) }, () => sample).flat();
  const few = many.slice(0, 10);
  const tiny = Math.min((await runCli(args, few)).ms, (await runCli(args, few)).ms);
  const large = (await runCli(args, many)).ms;
  return ((large - tiny) * 1000) / (many.length - few.length);
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

/** A knowledge base with one entry per CLINC150 intent, its training queries as the question variants. */
function knowledgeBaseOf(rows: readonly Labelled[], pick: (intent: string) => boolean = () => true, variants = Infinity): KnowledgeBaseEntry[] {
  const byIntent = new Map<string, string[]>();
  for (const row of rows) {
    if (row.intent === 'oos' || !pick(row.intent!)) continue;
    const questions = byIntent.get(row.intent!) ?? [];
    if (questions.length < variants) questions.push(row.text);
    byIntent.set(row.intent!, questions);
  }
  return [...byIntent].map(([id, questions]) => ({ id, questions, answer: `(${id})` }));
}

/** In-scope accuracy (answered with the right entry) and out-of-scope recall (not answered) of `answer` outputs. */
function scoreAnswers(rows: readonly Labelled[], outputs: readonly Output[], inScope: (intent: string) => boolean, threshold = 0) {
  let known = 0;
  let right = 0;
  let unknown = 0;
  let refused = 0;
  const confusions: string[] = [];
  rows.forEach((row, i) => {
    const output = outputs[i]!;
    const answered = output.answered === true && (output.confidence as number) >= threshold;
    if (inScope(row.intent!)) {
      known += 1;
      if (answered && output.id === row.intent) right += 1;
      else confusions.push(`${row.intent} → ${answered ? String(output.id) : 'no answer'} (${String(output.confidence)}): ${row.text}`);
    } else {
      unknown += 1;
      if (!answered) refused += 1;
      else confusions.push(`out of scope → ${String(output.id)} (${String(output.confidence)}): ${row.text}`);
    }
  });
  return { accuracy: right / known, oosRecall: refused / unknown, known, unknown, confusions };
}

// --- contact_request ------------------------------------------------------
const contact = readJsonLines('contact_dev.jsonl');
const classified = await runCli(['classify'], contact.map((row) => row.text));
let truePositives = 0;
const falseAlarms: string[] = [];
const missed: string[] = [];
contact.forEach((row, i) => {
  const predicted = classified.outputs[i]!.contact_request === true;
  const actual = row.label === 'contact_request';
  if (predicted && actual) truePositives += 1;
  else if (predicted) falseAlarms.push(row.text);
  else if (actual) missed.push(row.text);
});
const contactPrecision = truePositives / Math.max(1, truePositives + falseAlarms.length);
const contactRecall = truePositives / Math.max(1, truePositives + missed.length);
const contactF1 = (2 * contactPrecision * contactRecall) / Math.max(1e-9, contactPrecision + contactRecall);
const contactRequests = truePositives + missed.length;

// --- contact_request and sensitive_topic on CLINC150 (none of its intents asks for a person) ---
const clincTrain = readJsonLines('clinc150/train.jsonl');
const clincVal = readJsonLines('clinc150/val.jsonl');
const clinc = [...clincTrain, ...clincVal];
const clincClassified = await runCli(['classify'], clinc.map((row) => row.text));
const clincAlarms = clinc.filter((_, i) => clincClassified.outputs[i]!.contact_request === true);
const topicIntents = new Map<string, Map<string, number>>();
clinc.forEach((row, i) => {
  const topic = clincClassified.outputs[i]!.sensitive_topic as string | null;
  if (!topic) return;
  const intents = topicIntents.get(topic) ?? new Map<string, number>();
  intents.set(row.intent!, (intents.get(row.intent!) ?? 0) + 1);
  topicIntents.set(topic, intents);
});
const topicProbes: Array<[string, string | null]> = [
  ['I want my money back for the last session', 'refund'],
  ['I was charged twice for the same order', 'payment dispute'],
  ['my bank is doing a chargeback on this payment', 'chargeback'],
  ['I will talk to my lawyer about this', 'legal'],
  ['please cancel my subscription', 'cancellation'],
  ['I want to file a complaint about your coach', 'complaint'],
  ['I want to hurt myself', 'self-harm'],
  ['When are you open?', null],
  ['How much does a session cost?', null],
  ['Can I book a session for Monday?', null],
];
const probed = await runCli(['classify'], topicProbes.map(([text]) => text));
const probeMisses = topicProbes.filter(([, topic], i) => probed.outputs[i]!.sensitive_topic !== topic);

// --- lack_of_information: CLINC150 as its authors evaluate it ------------
// a knowledge base from the in-scope training queries (150 entries, 15,000
// question variants), measured on val: in scope answered right, oos refused
const fullBase = knowledgeBaseOf(clincTrain);
const fullBaseFile = join(workDir, 'clinc150-kb.json');
writeFileSync(fullBaseFile, JSON.stringify(fullBase));
const answered = await runCli(['answer', '--kb', fullBaseFile], clincVal.map((row) => row.text));
const full = scoreAnswers(clincVal, answered.outputs, (intent) => intent !== 'oos');
const sweep = [0.5, 0.6, 0.7, 0.8].map((threshold) => ({ threshold, ...scoreAnswers(clincVal, answered.outputs, (intent) => intent !== 'oos', threshold) }));

// small knowledge bases (a few entries, a few variants each): everything
// outside them, including the other CLINC150 intents, should go unanswered
const intents = [...new Set(clincTrain.map((row) => row.intent!).filter((intent) => intent !== 'oos'))].sort();
let seed = 11;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const smallBases: Array<{ entries: number; variants: number; accuracy: number; oosRecall: number; otherRefused: number }> = [];
for (const [entries, variants] of [[10, 5], [10, 5], [10, 5], [30, 10], [30, 10], [30, 10]] as const) {
  const chosen = new Set([...intents].sort(() => random() - 0.5).slice(0, entries));
  const shuffledTrain = [...clincTrain].sort(() => random() - 0.5);
  const file = join(workDir, `small-${smallBases.length}.json`);
  writeFileSync(file, JSON.stringify(knowledgeBaseOf(shuffledTrain, (intent) => chosen.has(intent), variants)));
  const { outputs } = await runCli(['answer', '--kb', file], clincVal.map((row) => row.text));
  const inBase = scoreAnswers(clincVal, outputs, (intent) => chosen.has(intent));
  const oosOnly = clincVal.map((row, i) => [row, outputs[i]!] as const).filter(([row]) => row.intent === 'oos');
  const others = clincVal.map((row, i) => [row, outputs[i]!] as const).filter(([row]) => row.intent !== 'oos' && !chosen.has(row.intent!));
  smallBases.push({
    entries,
    variants,
    accuracy: inBase.accuracy,
    oosRecall: oosOnly.filter(([, output]) => output.answered !== true).length / oosOnly.length,
    otherRefused: others.filter(([, output]) => output.answered !== true).length / others.length,
  });
}

// --- speed ------------------------------------------------------------------
const classifyMicros = await microsPerMessage(['classify'], contact.map((row) => row.text));
const answerMicros = await microsPerMessage(['answer', '--kb', fullBaseFile], clincVal.map((row) => row.text));
const buildTimes: number[] = [];
for (let run = 0; run < 3; run += 1) {
  const started = performance.now();
  createKnowledgeBaseResponder(fullBase);
  buildTimes.push(performance.now() - started);
}
const buildMs = [...buildTimes].sort((a, b) => a - b)[1]!;

// --- report -----------------------------------------------------------------
console.log('| trigger | data | result |');
console.log('| --- | --- | --- |');
console.log(`| contact_request | contact_dev (${contactRequests} requests / ${contact.length}) | precision ${round(contactPrecision)}, recall ${round(contactRecall)}, F1 ${round(contactF1)} (${falseAlarms.length} false alarms, ${missed.length} missed) |`);
console.log(`| contact_request | CLINC150 train + val (${clinc.length}, no requests) | ${clincAlarms.length} false alarms (${percent(clincAlarms.length / clinc.length)}) |`);
console.log(`| sensitive_topic | ${topicProbes.length} probes (7 topics + 3 plain questions) | ${topicProbes.length - probeMisses.length} / ${topicProbes.length} right |`);
for (const [topic, counts] of [...topicIntents].sort()) {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([intent, count]) => `${intent} ${count}`).join(', ');
  console.log(`| sensitive_topic: ${topic} | CLINC150 train + val | ${total} messages; mostly ${top} |`);
}
console.log(`| lack_of_information | CLINC150 val, KB of 150 entries from train | in-scope accuracy ${round(full.accuracy)} (${full.known}), OOS recall ${round(full.oosRecall)} (${full.unknown}) |`);
for (const { threshold, accuracy, oosRecall } of sweep) console.log(`| lack_of_information, threshold ${threshold} | same | in-scope accuracy ${round(accuracy)}, OOS recall ${round(oosRecall)} |`);
for (const small of smallBases) {
  console.log(`| lack_of_information, small KB | ${small.entries} intents × ${small.variants} variants | in-scope accuracy ${round(small.accuracy)}, OOS refused ${round(small.oosRecall)}, other intents refused ${round(small.otherRefused)} |`);
}
console.log(`\nspeed: classify ${round(classifyMicros, 1)} µs/message; answer (150 entries, 15,000 variants) ${round(answerMicros, 1)} µs/message; building that knowledge base ${Math.round(buildMs)} ms`);
console.log('\ncontact_request false alarms:', falseAlarms);
console.log('contact_request missed:', missed);
console.log('contact_request on CLINC150:', clincAlarms.slice(0, 8).map((row) => `${row.intent}: ${row.text}`));
console.log('sensitive_topic probes missed:', probeMisses);
console.log('knowledge-base confusions (a few):');
const inScopeConfusions = full.confusions.filter((line) => !line.startsWith('out of scope'));
const oosConfusions = full.confusions.filter((line) => line.startsWith('out of scope'));
for (const line of [...inScopeConfusions.slice(0, 8), ...oosConfusions.slice(0, 6)]) console.log(`  ${line}`);
console.log(
  JSON.stringify({
    contact_precision: round(contactPrecision),
    contact_recall: round(contactRecall),
    oos_recall: round(full.oosRecall),
    in_scope_accuracy: round(full.accuracy),
    us_per_message: round(classifyMicros, 1),
    answer_us_per_message: round(answerMicros, 1),
    kb_build_ms: Math.round(buildMs),
    contact_f1: round(contactF1),
    clinc_contact_false_alarms: clincAlarms.length,
  }),
);
