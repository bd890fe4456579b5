// `npx tsx bench/profile-first-turns.ts [--dirs=<checkout>,…] [--conversations=2000] [--clients=32] [--rounds=3] [--prof=<dir>]`:
// what a conversation's first turn (a new conversation: its id, its token,
// its insert) costs against a later turn of the same conversations. Per
// round and build: a fresh service (each dir a checkout with `dist/` built;
// this one by default) on a fresh embedded database, a warm-up, then
// --conversations first turns, then one second turn for each of them, then
// one third turn, each kind 32 clients back to back; the service's and the
// database's CPU per turn of each kind from /proc. The builds alternate
// from round to round. With --prof, the service writes a --cpu-prof profile
// there and each kind's window on its clock is printed (for
// `bench/profile-window.ts <profile> <from-to>`).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { stopProcess, waitForHttp } from '../tools/node-processes.js';
import { repoRoot } from '../tools/repo-root.js';
import { startBenchService } from './bench-service.js';
import { benchHttpClient } from './http-client.js';
import { runLoad } from './load.js';
import { QUESTIONS } from './many-conversations.js';
import { cpuMeter, pidWithArgument } from './process-cpu.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dirs = option('dirs', repoRoot()).split(',').filter(Boolean);
const conversations = Number(option('conversations', '2000'));
const clients = Number(option('clients', '32'));
const rounds = Number(option('rounds', '3'));
const profDir = option('prof', '');

const slack = await startSlackStandIn();
const http = benchHttpClient();
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? dirs : [...dirs].reverse();
    for (const dir of order) console.log(JSON.stringify({ round: round + 1, build: basename(dir), ...(await measure(dir, round)) }));
  }
} finally {
  http.close();
  await slack.close();
}

async function measure(dir: string, round: number): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handover-first-'));
  const db = await startEmbeddedDatabase({ dataDir });
  const profTemp = profDir ? mkdtempSync(join(tmpdir(), 'handover-first-prof-')) : '';
  const flags = profTemp ? ['--cpu-prof', `--cpu-prof-dir=${profTemp}`] : [];
  const { process: child, url } = await startBenchService(embeddedDatabaseUri(db.uri, 'bench'), slack.url, flags, {}, dir);
  const figures: Record<string, number | string> = {};
  try {
    await waitForHttp(`${url}/readyz`);
    const processes = { service: child.pid!, database: pidWithArgument(dataDir) };
    const started: Array<{ id: string; token: string } | null> = [];
    const firstTurn = async (index: number) => {
      const response = await http.postJson(`${url}/api/v1/bots/demo/messages`, { text: QUESTIONS[index % QUESTIONS.length], messageId: randomUUID() });
      const body = JSON.parse(response.body) as { conversationId: string; token?: string; replies?: unknown[] };
      started[index] = body.token ? { id: body.conversationId, token: body.token } : null;
      return response.ok && body.replies?.length === 1;
    };
    const laterTurn = (turn: number) => async (index: number) => {
      const conversation = started[index];
      if (!conversation) return false;
      const response = await http.postJson(
        `${url}/api/v1/bots/demo/messages`,
        { text: QUESTIONS[(index + turn) % QUESTIONS.length], conversationId: conversation.id, messageId: `m${turn}` },
        { authorization: `Bearer ${conversation.token}` },
      );
      const body = JSON.parse(response.body) as { replies?: unknown[] };
      return response.ok && body.replies?.length === 1;
    };
    // warm-up: the same kinds of turns, so the first kind measured is not the one that warms the code
    const warmUp = Math.min(500, conversations);
    await runLoad(warmUp, clients, (_, index) => firstTurn(index));
    await runLoad(warmUp, clients, (_, index) => laterTurn(1)(index));
    started.length = 0;
    const kinds: Array<[string, (index: number) => Promise<boolean>]> = [
      ['first', firstTurn],
      ['second', laterTurn(1)],
      ['third', laterTurn(2)],
    ];
    for (const [kind, turn] of kinds) {
      const meter = cpuMeter(processes);
      const from = process.hrtime.bigint() / 1000n;
      const load = await runLoad(conversations, clients, (_, index) => turn(index));
      const to = process.hrtime.bigint() / 1000n;
      const cpu = meter.stop();
      Object.assign(figures, {
        [`${kind}_service_ms`]: round3(cpu.service! / load.requests),
        [`${kind}_database_ms`]: round3(cpu.database! / load.requests),
        [`${kind}_per_s`]: Math.round(load.perSecond),
        [`${kind}_errors`]: load.errors,
      });
      if (profDir) figures[`${kind}_window`] = `${from}-${to}`;
    }
  } finally {
    await stopProcess(child);
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (profTemp) {
    mkdirSync(profDir, { recursive: true });
    const [written] = readdirSync(profTemp);
    if (written) renameSync(join(profTemp, written), join(profDir, `${basename(dir)}-first-${round + 1}.cpuprofile`));
    rmSync(profTemp, { recursive: true, force: true });
  }
  return figures;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
