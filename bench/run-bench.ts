// `npm run bench [-- --quick]`: throughput, latency and the cost of scale on
// this machine, against the embedded FerretDB. The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../tools/ferretdb/embedded-ferretdb.js';
import { runLoad, type LoadResult } from './load.js';
import { freePort, rssMegabytes, startNodeProcess, stopProcess, waitForHttp } from './processes.js';

const quick = process.argv.includes('--quick');
const CONCURRENCY = 32;
const TURNS = quick ? 800 : 4000;
const QUESTIONS = [
  'How much does a session cost?',
  'When are you open?',
  'How do I book a session?',
  'Is the first session free?',
  'How long is a session?',
  'What payment methods do you accept?',
];

const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-'));
const db = await startEmbeddedDatabase({ dataDir });
const servicePort = await freePort();
const ceilingPort = await freePort();
const service = startNodeProcess('adapters/server/main.ts', {
  MONGODB_URI: `${db.uri}bench`,
  PORT: String(servicePort),
  LOG_LEVEL: 'warn',
  HANDOVER_RATE_LIMIT_PER_MINUTE: '100000000',
});
const ceiling = startNodeProcess('bench/ceiling-server.ts', { MONGODB_URI: `${db.uri}bench`, PORT: String(ceilingPort) });
const serviceUrl = `http://127.0.0.1:${servicePort}`;
const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;

try {
  await waitForHttp(`${serviceUrl}/readyz`);
  await waitForHttp(`${ceilingUrl}/`);

  const turns = await customerTurns(TURNS, 'warm-up and measure');
  const ceilingResult = await ceilingInserts(TURNS);
  const rss = rssMegabytes(service.pid!);

  const results = {
    turns_per_s: round(turns.perSecond),
    turn_p50_ms: round(turns.p50),
    turn_p99_ms: round(turns.p99),
    turn_errors: turns.errors,
    ceiling_turns_per_s: round(ceilingResult.perSecond),
    turn_ceiling_ratio: round(turns.perSecond / ceilingResult.perSecond, 3),
    rss_mb: rss,
    concurrency: CONCURRENCY,
    quick,
    cpus: cpus().length,
  };
  printTable([
    ['customer turns (HTTP API, bot answers)', turns],
    ['ceiling: one insertOne per request', ceilingResult],
  ]);
  console.log(JSON.stringify(results));
} finally {
  await stopProcess(service);
  await stopProcess(ceiling);
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Each client keeps one conversation going, as a customer would. */
async function customerTurns(total: number, _label: string): Promise<LoadResult> {
  const conversations: Array<{ id: string; token: string } | null> = Array.from({ length: CONCURRENCY }, () => null);
  const turn = async (worker: number, index: number) => {
    const conversation = conversations[worker];
    const response = await fetch(`${serviceUrl}/api/v1/bots/demo/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(conversation ? { authorization: `Bearer ${conversation.token}` } : {}) },
      body: JSON.stringify({ text: QUESTIONS[index % QUESTIONS.length], conversationId: conversation?.id, messageId: `b-${index}` }),
    });
    const body = (await response.json()) as { conversationId: string; token?: string; replies: unknown[] };
    if (!conversation && body.token) conversations[worker] = { id: body.conversationId, token: body.token };
    return response.ok && body.replies.length === 1;
  };
  await runLoad(Math.min(400, total / 4), CONCURRENCY, turn);
  return runLoad(total, CONCURRENCY, turn);
}

async function ceilingInserts(total: number): Promise<LoadResult> {
  const insert = async (_worker: number, index: number) => {
    const response = await fetch(ceilingUrl, { method: 'POST', body: JSON.stringify({ text: QUESTIONS[index % QUESTIONS.length] }) });
    await response.text();
    return response.ok;
  };
  await runLoad(Math.min(400, total / 4), CONCURRENCY, insert);
  return runLoad(total, CONCURRENCY, insert);
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function printTable(rows: Array<[string, LoadResult]>): void {
  console.log('| measurement | requests | errors | per s | p50 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.requests} | ${r.errors} | ${round(r.perSecond)} | ${round(r.p50)} | ${round(r.p99)} |`);
  }
}
