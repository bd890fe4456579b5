import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopProcess } from '../../../tools/node-processes.js';
import { api, waitFor } from '../../support/test-service.js';
import { startDatabaseProcess, startServiceProcess, type ServiceProcess } from '../../support/service-processes.js';

let db: Awaited<ReturnType<typeof startDatabaseProcess>>;
let service: ServiceProcess;

beforeAll(async () => {
  db = await startDatabaseProcess();
  service = await startServiceProcess({ MONGODB_URI: db.uri });
});
afterAll(async () => {
  if (service) await stopProcess(service.child);
  await db?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the database dies and comes back under a stream of customer messages', () => {
  it('stores every message answered 200 exactly once, answers 503 meanwhile, and recovers without a restart', async () => {
    const conversations = await Promise.all(
      [0, 1, 2, 3].map(async (client) => {
        const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'When are you open?', messageId: `opening-message-of-client-${client}` } });
        expect(first.status).toBe(200);
        return { id: first.body.conversationId as string, token: first.body.token as string };
      }),
    );

    const answered = new Map<string, string>(); // text → conversation, for every 200
    const failures: Array<{ status: number; code: string | null }> = [];
    const progress = [0, 0, 0, 0]; // answers per client
    let running = true;
    const client = async (index: number) => {
      const { id, token } = conversations[index]!;
      for (let n = 0; running; n += 1) {
        const text = `question ${index}-${n}: how long is a session?`;
        // A real client retries a message with the same messageId until it is answered.
        for (;;) {
          const response = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text, conversationId: id, messageId: `m-${index}-${n}` }, token }).catch(
            () => ({ status: 0, body: null }) as const,
          );
          if (response.status === 200) {
            answered.set(text, id);
            progress[index]! += 1;
            break;
          }
          failures.push({ status: response.status, code: response.body?.error?.code ?? null });
          await sleep(100);
          if (!running) break;
        }
      }
    };
    const clients = [0, 1, 2, 3].map(client);

    await waitFor(async () => answered.size >= 20);
    await db.kill();
    const down = await waitFor(async () => {
      const ready = await api(service, 'GET', '/readyz');
      return ready.status === 503 ? ready : null;
    });
    expect(down.body.error.code).toBe('storage_unavailable');
    await waitFor(async () => failures.length >= 4, 20_000);

    db = await startDatabaseProcess({ dataDir: db.dataDir, port: db.port });
    await waitFor(async () => (await api(service, 'GET', '/readyz')).status === 200, 30_000);
    // every client moves on, including one whose message was cut off mid-turn by the crash
    const atRestart = [...progress];
    await waitFor(async () => progress.every((answers, index) => answers >= atRestart[index]! + 3), 40_000);
    running = false;
    await Promise.all(clients);

    expect(service.child.exitCode).toBeNull(); // the same process, never restarted
    // every failure was a clear 503 (or 409 "still being processed" while a dead turn is not yet known dead), never a crash or a cut connection
    for (const failure of failures) expect([503, 409]).toContain(failure.status);
    expect(failures.some((failure) => failure.status === 503)).toBe(true);
    expect(failures.filter((failure) => failure.status === 503).every((failure) => failure.code === 'storage_unavailable')).toBe(true);

    for (const { id, token } of conversations) {
      const view = await api(service, 'GET', `/api/v1/conversations/${id}`, { token });
      expect(view.status).toBe(200);
      const texts: string[] = view.body.messages.filter((m: { from: string }) => m.from === 'customer').map((m: { text: string }) => m.text);
      const counts = new Map<string, number>();
      for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
      for (const [text, conversationId] of answered) {
        if (conversationId === id) expect({ text, times: counts.get(text) ?? 0 }).toEqual({ text, times: 1 });
      }
      expect([...counts.values()].every((times) => times === 1)).toBe(true);
    }
  }, 120_000);
});
