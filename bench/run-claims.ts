// `npx tsx bench/run-claims.ts [--rounds=3] [--clicks=50] [--count-commands]` (after `npm run build`):
// bursts of simultaneous Claim clicks from a freshly started service, each
// round on a new escalated conversation with new staff, to see what the
// first burst after a start pays. --count-commands: the database commands
// a burst asked for, per click. --known-staff: every clicker has clicked
// once before, in a service stopped before the measured one starts (staff
// who exist, after a restart); without it every burst is by staff never
// seen. SERVICE_NODE_FLAGS (e.g. "--cpu-prof
// --cpu-prof-dir=/tmp/prof") are given to the service's node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { benchHttpClient } from './http-client.js';
import { cpuMeter, pidWithArgument } from './process-cpu.js';
import { startCommandCounter } from './command-counter.js';
import { simultaneousClaims } from './slack-phases.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const rounds = Number(option('rounds', '3'));
const clicks = Number(option('clicks', '50'));

const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-bench-'));
const db = await startEmbeddedDatabase({ dataDir });
const dbUrl = new URL(db.uri);
const counter = process.argv.includes('--count-commands') ? await startCommandCounter(dbUrl.hostname, Number(dbUrl.port)) : null;
const startService = () => startBenchService(embeddedDatabaseUri(counter ? `mongodb://127.0.0.1:${counter.port}/` : db.uri, 'bench'), slack.url, process.env.SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []);
let service = await startService();
const http = benchHttpClient();

/** A new escalated conversation whose post has reached Slack, so that anyone can click under it. */
async function escalatedConversation(): Promise<string> {
  const response = await http.postJson(`${service.url}/api/v1/bots/demo/messages`, { text: 'Can I speak with someone?' });
  const { conversationId } = JSON.parse(response.body) as { conversationId: string };
  const deadline = Date.now() + 10_000;
  while (!slack.calls.some((call) => call.method === 'chat.postMessage' && JSON.stringify(call.args.blocks ?? '').includes(conversationId)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return conversationId;
}

try {
  await waitForHttp(`${service.url}/readyz`);
  if (process.argv.includes('--known-staff')) {
    for (let round = 0; round < rounds; round++) await simultaneousClaims(http, service.url, slack, clicks, await escalatedConversation(), `R${round}`);
    await stopProcess(service.process);
    service = await startService();
    await waitForHttp(`${service.url}/readyz`);
  }
  const processes = { service: service.process.pid!, database: pidWithArgument(dataDir) };
  for (let round = 0; round < rounds; round++) {
    const conversationId = await escalatedConversation();
    const meter = cpuMeter(processes);
    counter?.reset();
    // the monotonic clock a --cpu-prof profile's timestamps are on: the round's window in the service's profile
    const fromUs = process.hrtime.bigint() / 1000n;
    const claims = await simultaneousClaims(http, service.url, slack, clicks, conversationId, `R${round}`);
    const cpu = meter.stop();
    console.log(`round ${round + 1} window (µs, monotonic): ${fromUs}-${process.hrtime.bigint() / 1000n}`);
    console.log(
      `round ${round + 1}: ${claims.acknowledged}/${clicks} acknowledged, p50 ${claims.p50.toFixed(1)} ms, p99 ${claims.p99.toFixed(1)} ms, winners ${claims.winners}, losers told p50 ${claims.toldP50.toFixed(1)} ms, p99 ${claims.toldP99.toFixed(1)} ms; CPU ms: ${Object.entries(cpu).map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ')}`,
    );
    for (const [kind, { commands, documents }] of Object.entries(counter?.counts() ?? {}).sort(([, a], [, b]) => b.commands - a.commands)) {
      console.log(`  ${kind}: ${(commands / clicks).toFixed(2)} commands/click, ${(documents / clicks).toFixed(2)} documents/click`);
    }
  }
} finally {
  await counter?.close();
  http.close();
  await stopProcess(service.process);
  await db.stop();
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
}
