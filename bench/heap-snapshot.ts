// `npx tsx bench/heap-snapshot.ts [--active=10000] [--top=30]` (after `npm run build`): what the
// service's heap holds once `active` customers are talking (the many-conversations phase's
// population, grown and given a step of turns at 100/s): a heap snapshot taken over the
// inspector, summed by constructor (objects) or kind (strings, arrays, code...), self size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'undici';
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../adapters/mongo/embedded-ferretdb.js';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { freePort, rssMegabytes, stopProcess, waitForHttp } from '../tools/node-processes.js';
import { startBenchService } from './bench-service.js';
import { benchHttpClient } from './http-client.js';
import { customerPopulation } from './many-conversations.js';
import { pidWithArgument } from './process-cpu.js';

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const actives = option('active', '100,10000').split(',').map(Number);
const top = Number(option('top', '30'));

const slack = await startSlackStandIn();
const dataDir = mkdtempSync(join(tmpdir(), 'handover-heap-'));
const db = await startEmbeddedDatabase({ dataDir });
const inspectPort = await freePort();
const service = await startBenchService(embeddedDatabaseUri(db.uri, 'bench'), slack.url, [`--inspect=127.0.0.1:${inspectPort}`]);
const http = benchHttpClient();
try {
  await waitForHttp(`${service.url}/readyz`);
  const population = customerPopulation(http, service.url, { service: service.process.pid!, database: pidWithArgument(dataDir) });
  for (const active of actives) {
    await population.grow(active);
    await population.offer(100, 5);
    const summary = summarise(await heapSnapshot(inspectPort));
    console.log(`active ${active}: RSS ${rssMegabytes(service.process.pid!)} MB, heap ${(summary.total / 1e6).toFixed(1)} MB in the snapshot`);
    for (const [name, { bytes, count }] of summary.top.slice(0, top)) console.log(`  ${(bytes / 1e6).toFixed(2).padStart(7)} MB ${String(count).padStart(8)}  ${name}`);
  }
} finally {
  http.close();
  await stopProcess(service.process);
  await db.stop();
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function heapSnapshot(port: number): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('inspector connection failed')));
  });
  const chunks: string[] = [];
  const done = new Promise<void>((resolve) =>
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; method?: string; params?: { chunk: string } };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params!.chunk);
      if (message.id === 1) resolve();
    }),
  );
  socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.takeHeapSnapshot', params: { reportProgress: false } }));
  await done;
  socket.close();
  return chunks.join('');
}

/** Self size by constructor (objects, closures) or by node type (strings, arrays, code...). */
function summarise(text: string) {
  const snapshot = JSON.parse(text) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const byName = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt!]!]!;
    const name = type === 'object' || type === 'closure' || type === 'object shape' || type === 'hidden' ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt!]!]}` : type;
    const size = snapshot.nodes[i + sizeAt!]!;
    const entry = byName.get(name) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    byName.set(name, entry);
    total += size;
  }
  return { total, top: [...byName].sort((a, b) => b[1].bytes - a[1].bytes) };
}
