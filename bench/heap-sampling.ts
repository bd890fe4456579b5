import { WebSocket } from 'undici';

/**
 * V8's sampling heap profiler in another Node process (started with
 * --inspect=127.0.0.1:<port>), counting every sampled allocation, also those
 * the GC has already collected: what a stretch of work allocates, which is
 * what the scavenges pay for, rather than what is still alive at the end.
 */
export async function heapSampling(inspectPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('inspector connection failed')));
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('HeapProfiler.enable');
  return {
    start: () => send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }),
    async stop(): Promise<unknown> {
      const result = (await send('HeapProfiler.stopSampling')) as { profile: unknown };
      socket.close();
      return result.profile;
    },
  };
}
