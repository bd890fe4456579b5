// `npm run eval`: detection quality on the public data and our own sets in
// eval/data (or HANDOVER_EVAL_DATA), measured through the CLI as a user
// would run it, plus leave-one-source-out training of the contact-request
// model in process. The last line printed is one JSON object with the figures.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKnowledgeBaseResponder } from '../src/bot/knowledge-base-responder.js';
import type { KnowledgeBaseEntry } from '../src/bot/responder.js';
import { detectContactRequest } from '../src/detection/contact-request.js';
import { DEFAULT_SENSITIVE_TOPICS, matchSensitiveTopic } from '../src/detection/sensitive-topic.js';
import { readContactCorpus } from '../training/contact-corpus.js';
import { count, describe as describePR, type PrecisionRecall } from './confidence-interval.js';
import { calibrationTable, leaveOneSourceOut } from './contact-generalisation.js';
import { FROZEN_CONTACT_FILE, FROZEN_CONTACT_FILE_2, FROZEN_CONTACT_FILE_3, FROZEN_CONTACT_FILE_4, FROZEN_CONTACT_FILE_5, FROZEN_CONTACT_SETS, measureFrozenContactSet, printFrozenContactResults } from './frozen-contact.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(process.env.HANDOVER_EVAL_DATA ?? join(repoRoot, 'eval', 'data'));
if (!existsSync(join(dataDir, 'contact_dev.jsonl')) || !existsSync(join(dataDir, 'clinc150', 'val.jsonl'))) {
  console.error(`eval: no public data at ${dataDir} (set HANDOVER_EVAL_DATA to the folder holding contact_dev.jsonl and clinc150/)`);
  process.exit(2);
}

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
// In process rather than through `handover answer --kb`: a knowledge-base file
// allows at most 50 questions per entry and CLINC150 has 100 per intent.
function answerInProcess(base: KnowledgeBaseEntry[], texts: readonly string[]): { outputs: Output[]; micros: number } {
  const responder = createKnowledgeBaseResponder(base);
  const started = performance.now();
  const outputs = texts.map((text) => {
    const answer = responder.answer(text);
    return { answered: answer.answered, id: answer.entryId, confidence: Math.round(answer.confidence * 1e4) / 1e4 } as Output;
  });
  return { outputs, micros: ((performance.now() - started) * 1000) / texts.length };
}
const answered = answerInProcess(fullBase, clincVal.map((row) => row.text));
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
  const { outputs } = answerInProcess(knowledgeBaseOf(shuffledTrain, (intent) => chosen.has(intent), variants), clincVal.map((row) => row.text));
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

// --- contact_request on every source, and leave-one-source-out ----------------
// The shipped model was trained on all of these sources: its figures here are
// in-sample. Leave-one-source-out retrains without each source and is the
// measure of generalisation.
const corpus = readContactCorpus(dataDir);
const corpusOut = await runCli(['classify'], corpus.map((row) => row.text));
const corpusPredicted = corpusOut.outputs.map((output) => output.contact_request === true);
const inSample = new Map<string, PrecisionRecall>();
for (const key of [...new Set(corpus.map((row) => row.source)), ...new Set(corpus.flatMap((row) => (row.language ? [`ours ${row.language}`] : [])))]) {
  const at = corpus.map((row, i) => [row.source === key || `ours ${row.language}` === key, i] as const).filter(([yes]) => yes).map(([, i]) => i);
  inSample.set(key, count(at.map((i) => corpusPredicted[i]!), at.map((i) => corpus[i]!.isRequest)));
}
const losoStarted = performance.now();
const loso = leaveOneSourceOut(0.5, corpus);
const losoSeconds = (performance.now() - losoStarted) / 1000;
const rate = (hits: number, all: number) => (all === 0 ? NaN : hits / all);
const acceptance = loso
  .filter((result) => result.requests >= 30)
  .map((result) => {
    const precision = rate(result.model.truePositives, result.model.truePositives + result.model.falsePositives);
    const recall = rate(result.model.truePositives, result.requests);
    return { source: result.source, precision, recall, met: precision >= 0.97 && recall >= 0.95 };
  });
const languageResults = [...(loso.find((result) => result.source === 'ours')?.languages ?? new Map<string, PrecisionRecall>())].sort();

// --- contact_request on a set written after the rules and model were final --
// (never used for training or for changing the rules)
const unseen = readJsonLines('ours/unseen_contact.jsonl') as Array<{ text: string; label: string; language: string }>;
const unseenOut = await runCli(['classify'], unseen.map((row) => row.text));
const unseenResults = [...new Set(unseen.map((row) => row.language))].sort().map((language) => {
  const at = unseen.map((row, i) => [row.language === language, i] as const).filter(([yes]) => yes).map(([, i]) => i);
  return [language, count(at.map((i) => unseenOut.outputs[i]!.contact_request === true), at.map((i) => unseen[i]!.label === 'contact_request'))] as const;
});
const unseenErrors = unseen.filter((row, i) => (unseenOut.outputs[i]!.contact_request === true) !== (row.label === 'contact_request')).map((row) => `${row.language} ${row.label}: ${row.text}`);

// --- contact_request on the frozen set (issue 20: written before that round's changes) --
const frozenTexts = readJsonLines(FROZEN_CONTACT_FILE).map((row) => row.text);
const frozenOut = await runCli(['classify'], frozenTexts);
const frozenResults = measureFrozenContactSet(dataDir, () => frozenOut.outputs.map((output) => output.contact_request === true));
// the second frozen set (issue 20, round 3: written before that round's changes)
const frozen2Texts = readJsonLines(FROZEN_CONTACT_FILE_2).map((row) => row.text);
const frozen2Out = await runCli(['classify'], frozen2Texts);
const frozen2Results = measureFrozenContactSet(dataDir, () => frozen2Out.outputs.map((output) => output.contact_request === true), FROZEN_CONTACT_FILE_2);
// the third frozen set (issue 20, round 4: written before that round's changes; English as well)
const frozen3Texts = readJsonLines(FROZEN_CONTACT_FILE_3).map((row) => row.text);
const frozen3Out = await runCli(['classify'], frozen3Texts);
const frozen3Results = measureFrozenContactSet(dataDir, () => frozen3Out.outputs.map((output) => output.contact_request === true), FROZEN_CONTACT_FILE_3);
// the fourth frozen set (issue 20, round 5: written before that round's changes; other domains)
const frozen4Texts = readJsonLines(FROZEN_CONTACT_FILE_4).map((row) => row.text);
const frozen4Out = await runCli(['classify'], frozen4Texts);
const frozen4Results = measureFrozenContactSet(dataDir, () => frozen4Out.outputs.map((output) => output.contact_request === true), FROZEN_CONTACT_FILE_4);
// the fifth frozen set (issue 20, round 6: written before that round's changes; other domains and registers)
const frozen5Texts = readJsonLines(FROZEN_CONTACT_FILE_5).map((row) => row.text);
const frozen5Out = await runCli(['classify'], frozen5Texts);
const frozen5Results = measureFrozenContactSet(dataDir, () => frozen5Out.outputs.map((output) => output.contact_request === true), FROZEN_CONTACT_FILE_5);

// --- sensitive_topic: our labelled set (half look-alikes) ------------------
const topicRows = readJsonLines('ours/sensitive_topics.jsonl') as Array<{ text: string; topic: string | null }>;
const topicOut = await runCli(['classify'], topicRows.map((row) => row.text));
const topicCounts = new Map<string, PrecisionRecall>();
const tally = (topic: string) => topicCounts.get(topic) ?? (topicCounts.set(topic, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }).get(topic) as PrecisionRecall);
const topicAll: PrecisionRecall = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
const topicErrors: string[] = [];
topicRows.forEach((row, i) => {
  const found = (topicOut.outputs[i]!.sensitive_topic as string | null) ?? null;
  if (found === row.topic) {
    if (found === null) return;
    topicAll.truePositives += 1;
    tally(found).truePositives += 1;
    return;
  }
  if (found !== null) {
    topicAll.falsePositives += 1;
    tally(found).falsePositives += 1;
  }
  if (row.topic !== null) {
    topicAll.falseNegatives += 1;
    tally(row.topic).falseNegatives += 1;
  }
  topicErrors.push(`${row.topic ?? 'none'} → ${found ?? 'none'}: ${row.text}`);
});

// --- speed ------------------------------------------------------------------
const classifyMicros = await microsPerMessage(['classify'], contact.map((row) => row.text));
const answerMicros = Math.min(...[0, 1, 2].map(() => answerInProcess(fullBase, clincVal.map((row) => row.text)).micros));
const buildTimes: number[] = [];
for (let run = 0; run < 3; run += 1) {
  const started = performance.now();
  createKnowledgeBaseResponder(fullBase);
  buildTimes.push(performance.now() - started);
}
const buildMs = [...buildTimes].sort((a, b) => a - b)[1]!;
// classify in process, what the service does on each customer message: best of three passes over every corpus text
const speedTexts = corpus.map((row) => row.text);
const passes: number[] = [];
for (let pass = 0; pass < 3; pass += 1) {
  const started = performance.now();
  for (const text of speedTexts) {
    detectContactRequest(text);
    matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS);
  }
  passes.push(((performance.now() - started) * 1000) / speedTexts.length);
}
const inProcessMicros = Math.min(...passes);

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
console.log('\n## contact_request: leave-one-source-out (trained without the source, threshold 0.5; 95 % Wilson intervals)\n');
console.log('| held-out source | requests / others | model + rules | rules alone |');
console.log('| --- | --- | --- | --- |');
for (const result of loso) console.log(`| ${result.source} | ${result.requests} / ${result.others} | ${describePR(result.model)} | ${describePR(result.rules)} |`);
console.log(`\n(${Math.round(losoSeconds)} s for ${loso.length} trainings with 5-fold calibration each)`);
for (const check of acceptance) console.log(`target P ≥ 0.97 and R ≥ 0.95 on ${check.source}: ${check.met ? 'met' : 'NOT met'} (P ${round(check.precision)}, R ${round(check.recall)})`);
console.log('\n## contact_request: calibration on held-out text (each source held out in turn, pooled)\n');
for (const line of calibrationTable(loso)) console.log(line);
console.log('\n## contact_request per language, our sets held out of training\n');
console.log('| language | held out (trained without our sets) | shipped model (trained with them: in-sample) |');
console.log('| --- | --- | --- |');
for (const [language, result] of languageResults) console.log(`| ${language} | ${describePR(result)} | ${describePR(inSample.get(`ours ${language}`)!)} |`);
console.log('\n## contact_request per language, a set written after the rules and model were final (shipped model)\n');
for (const [language, result] of unseenResults) console.log(`| ${language} | ${describePR(result)} |`);
console.log('errors on that set:', unseenErrors);
console.log(`\n## contact_request per language, the ${FROZEN_CONTACT_SETS[0].name} (never trained on)\n`);
printFrozenContactResults(frozenResults, FROZEN_CONTACT_SETS[0].printErrors);
console.log(`\n## contact_request per language, the ${FROZEN_CONTACT_SETS[1].name} (never trained on)\n`);
printFrozenContactResults(frozen2Results, FROZEN_CONTACT_SETS[1].printErrors);
console.log(`\n## contact_request per language, the ${FROZEN_CONTACT_SETS[2].name} (never trained on)\n`);
printFrozenContactResults(frozen3Results, FROZEN_CONTACT_SETS[2].printErrors);
console.log(`\n## contact_request per language, the ${FROZEN_CONTACT_SETS[3].name} (never trained on)\n`);
printFrozenContactResults(frozen4Results, FROZEN_CONTACT_SETS[3].printErrors);
console.log(`\n## contact_request per language, the ${FROZEN_CONTACT_SETS[4].name} (never trained on)\n`);
printFrozenContactResults(frozen5Results, FROZEN_CONTACT_SETS[4].printErrors);
console.log('\n## contact_request, shipped model on each source (in-sample)\n');
for (const [key, result] of [...inSample].sort()) console.log(`| ${key} | ${describePR(result)} |`);
console.log('\n## sensitive_topic on our labelled set (right topic counts; a wrong topic is a false alarm and a miss)\n');
console.log(`| all topics | ${topicRows.filter((row) => row.topic !== null).length} with a topic, ${topicRows.filter((row) => row.topic === null).length} look-alikes | ${describePR(topicAll)} |`);
for (const [topic, result] of [...topicCounts].sort()) console.log(`| ${topic} | | ${describePR(result)} |`);
console.log('sensitive_topic errors:', topicErrors);
for (const result of loso) {
  // Microsoft's samples are the one public source the target is not met on: reading its held-out errors would make it a development set
  if (result.source === 'microsoft' && process.env.HANDOVER_EVAL_SHOW_FROZEN_ERRORS !== '1') {
    console.log('held-out microsoft: errors not printed (HANDOVER_EVAL_SHOW_FROZEN_ERRORS=1 shows them)');
    continue;
  }
  if (result.missed.length > 0) console.log(`held-out ${result.source}, missed (${result.missed.length}, first 12):`, result.missed.slice(0, 12));
  if (result.falseAlarms.length > 0) console.log(`held-out ${result.source}, false alarms (${result.falseAlarms.length}, first 12):`, result.falseAlarms.slice(0, 12));
}
console.log(`\nspeed: classify in process ${round(inProcessMicros, 1)} µs/message (contact request + sensitive topic, best of 3 passes over ${speedTexts.length} messages)`);
console.log(`speed: classify ${round(classifyMicros, 1)} µs/message; answer (150 entries, 15,000 variants) ${round(answerMicros, 1)} µs/message; building that knowledge base ${Math.round(buildMs)} ms`);
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
    classify_in_process_us: round(inProcessMicros, 1),
    loso: Object.fromEntries(acceptance.map((check) => [check.source, { precision: round(check.precision), recall: round(check.recall) }])),
    languages: Object.fromEntries(languageResults.map(([language, result]) => [language, { precision: round(rate(result.truePositives, result.truePositives + result.falsePositives)), recall: round(rate(result.truePositives, result.truePositives + result.falseNegatives)) }])),
    frozen_5: Object.fromEntries(frozen5Results.map((result) => [result.language, { precision: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falsePositives)), recall: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falseNegatives)) }])),
    frozen_4: Object.fromEntries(frozen4Results.map((result) => [result.language, { precision: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falsePositives)), recall: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falseNegatives)) }])),
    frozen_3: Object.fromEntries(frozen3Results.map((result) => [result.language, { precision: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falsePositives)), recall: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falseNegatives)) }])),
    frozen_2: Object.fromEntries(frozen2Results.map((result) => [result.language, { precision: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falsePositives)), recall: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falseNegatives)) }])),
    frozen: Object.fromEntries(frozenResults.map((result) => [result.language, { precision: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falsePositives)), recall: round(rate(result.detector.truePositives, result.detector.truePositives + result.detector.falseNegatives)) }])),
    sensitive_precision: round(rate(topicAll.truePositives, topicAll.truePositives + topicAll.falsePositives)),
    sensitive_recall: round(rate(topicAll.truePositives, topicAll.truePositives + topicAll.falseNegatives)),
  }),
);
