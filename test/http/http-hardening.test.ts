import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus-metrics.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import type { HandoverStore } from '../../adapters/mongo/handover-store.js';
import { mongoOutbox } from '../../adapters/mongo/mongo-outbox.js';
import type { ConversationRepository } from '../../src/ports/conversation-repository.js';
import { openEventStream } from '../support/event-stream.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { metricSample as sample, scrapeMetrics } from '../support/metrics-scrape.js';

const METRICS_TOKEN = 'metrics-token-for-hardening-tests';
const services: RunningService[] = [];
afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
});

async function start(overrides: Parameters<typeof startTestService>[0]): Promise<RunningService> {
  const service = await startTestService(overrides);
  services.push(service);
  return service;
}

/** A logger whose lines the test can read. */
function capturedLog() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

const scrape = (service: RunningService, token: string | null = null) => scrapeMetrics(service, token);

async function startConversation(service: RunningService): Promise<{ conversationId: string; token: string }> {
  const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'When are you open?' } });
  expect(turn.status).toBe(200);
  return turn.body;
}

function rawConnection(service: RunningService): Promise<Socket> {
  const { hostname, port } = new URL(service.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends a whole request and hangs up at once, before the service has answered. */
async function sendAndLeave(service: RunningService, path: string): Promise<void> {
  const socket = await rawConnection(service);
  await new Promise<void>((resolve) => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, () => resolve()));
  socket.destroy();
}

/**
 * Feeds a request a bit at a time; resolves with how long the service kept
 * the connection and what it answered (the client gives up after 6 s).
 */
function trickle(socket: Socket, head: string, drip: string): Promise<{ heldMs: number; answer: string }> {
  const started = Date.now();
  let answer = '';
  socket.on('data', (chunk) => (answer += String(chunk)));
  socket.on('error', () => {});
  socket.write(head);
  const timer = setInterval(() => socket.write(drip), 100);
  const giveUp = setTimeout(() => socket.destroy(), 6_000);
  return new Promise((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ heldMs: Date.now() - started, answer });
    });
  });
}

describe('live streams', () => {
  let service: RunningService;
  let lines: Array<{ level: number; msg: string }>;
  beforeAll(async () => {
    const captured = capturedLog();
    lines = captured.lines;
    service = await start({ mongodbUri: testDatabaseUri(), log: captured.log, streamsPerClient: 1_000 });
  });

  it('never keeps a stream whose client left during the token check', async () => {
    const { conversationId, token } = await startConversation(service);
    const path = `/api/v1/conversations/${conversationId}/stream?token=${token}`;
    const attempts = 50;
    await Promise.all(Array.from({ length: attempts }, () => sendAndLeave(service, path)));

    // every request has been through the token check, one way or the other…
    const outcomes = await waitFor(async () => {
      const { text } = await scrape(service);
      const opened = sample(text, 'handover_live_stream_requests_total{outcome="opened"}') ?? 0;
      const gone = sample(text, 'handover_live_stream_requests_total{outcome="client_gone"}') ?? 0;
      return opened + gone === attempts && { opened, gone };
    });
    // …no stream stays open…
    await waitFor(async () => sample((await scrape(service)).text, 'handover_live_streams') === 0);
    // …and the race this is about was hit: clients gone before their stream could open
    expect(outcomes.gone).toBeGreaterThan(0);
  });

  it('counts a stream while it is open and releases it when the client leaves', async () => {
    const { conversationId, token } = await startConversation(service);
    const stream = await openEventStream(service.url, conversationId, token);
    await waitFor(async () => stream.events.some((event) => event.event === 'status'));
    expect(sample((await scrape(service)).text, 'handover_live_streams')).toBe(1);
    stream.close();
    await waitFor(async () => sample((await scrape(service)).text, 'handover_live_streams') === 0);
  });

  it('warns at start-up that /metrics is open when no token is set', () => {
    expect(lines.some((line) => line.level === 40 && line.msg.includes('HANDOVER_METRICS_TOKEN is not set'))).toBe(true);
  });
});

describe('per-client limits', () => {
  it('answers 429 with the JSON error beyond the live streams one client may hold, whatever X-Forwarded-For says', async () => {
    const service = await start({ mongodbUri: testDatabaseUri(), streamsPerClient: 2 });
    const { conversationId, token } = await startConversation(service);
    const first = await openEventStream(service.url, conversationId, token);
    const second = await openEventStream(service.url, conversationId, token);
    const third = await fetch(`${service.url}/api/v1/conversations/${conversationId}/stream?token=${token}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'rate_limited', message: expect.stringContaining('2 live streams') });

    first.close();
    const again = await waitFor(async () => {
      const response = await fetch(`${service.url}/api/v1/conversations/${conversationId}/stream?token=${token}`);
      if (response.status === 200) return response;
      await response.body?.cancel();
      return null;
    });
    expect(again.headers.get('content-type')).toContain('text/event-stream');
    await again.body?.cancel();
    second.close();
  });

  it('keys the rate limit on the connection, not on X-Forwarded-For, unless a proxy is trusted', async () => {
    const untrusting = await start({ mongodbUri: testDatabaseUri(), rateLimitPerMinute: 6 });
    const trusting = await start({ mongodbUri: testDatabaseUri(), rateLimitPerMinute: 6, trustProxy: ['loopback'] });
    const from = (service: RunningService, client: string) => fetch(`${service.url}/api/v1/bots/demo`, { headers: { 'x-forwarded-for': client } });

    for (const service of [untrusting, trusting]) {
      for (let i = 0; i < 10; i += 1) expect((await from(service, '203.0.113.1')).status).toBe(200);
      expect((await from(service, '203.0.113.1')).status).toBe(429);
    }
    // a pass-through proxy (or the client itself) naming a new address gets no new bucket…
    const renamed = await from(untrusting, '203.0.113.2');
    expect(renamed.status).toBe(429);
    expect(Number(renamed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await renamed.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // …unless the operator said the proxy on loopback is trusted to name its clients
    expect((await from(trusting, '203.0.113.2')).status).toBe(200);
  });
});

describe('HTTP timeouts', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await start({ mongodbUri: testDatabaseUri(), httpTimeouts: { headersMs: 1_000, requestMs: 2_000 } });
  });

  it('disconnects a client that sends its headers too slowly', async () => {
    const { heldMs, answer } = await trickle(await rawConnection(service), 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(heldMs).toBeGreaterThanOrEqual(900);
    expect(heldMs).toBeLessThan(2_500);
  });

  it('disconnects a client that trickles its body, without cutting a live stream open longer than that', async () => {
    const { conversationId, token } = await startConversation(service);
    const stream = await openEventStream(service.url, conversationId, token);
    const head = `POST /api/v1/bots/demo/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    const { heldMs, answer } = await trickle(await rawConnection(service), head, ' ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(heldMs).toBeGreaterThanOrEqual(1_900);
    expect(heldMs).toBeLessThan(3_500);

    // the stream, opened before the trickle began, has outlived the request timeout and still delivers
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { token, body: { conversationId, text: 'What payment methods do you accept?' } });
    expect(turn.status).toBe(200);
    await waitFor(async () => stream.events.some((event) => event.event === 'message' && event.data.id === turn.body.replies[0].id));
    stream.close();
  });
});

describe('conversation routes without the right token', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await start({ mongodbUri: testDatabaseUri() });
  });

  it('answer an unknown conversation exactly like a wrong or missing token', async () => {
    const { conversationId, token } = await startConversation(service);
    const other = await startConversation(service);
    const unknown = 'cv_AAAAAAAAAAAAAAAA';
    const cases: Array<{ id: string; token?: string }> = [
      { id: unknown, token },
      { id: unknown, token: 'x'.repeat(43) },
      { id: unknown },
      { id: conversationId, token: other.token },
      { id: conversationId, token: 'forged' },
      { id: conversationId },
      { id: 'cv_not-an-id', token },
    ];
    const answers: Array<{ status: number; body: { error: { code: string; message: string } } }> = [];
    for (const { id, token: given } of cases) {
      answers.push(await api(service, 'GET', `/api/v1/conversations/${id}`, { token: given }));
      answers.push(await api(service, 'POST', `/api/v1/conversations/${id}/feedback`, { token: given, body: { helpful: false } }));
      answers.push(await api(service, 'GET', `/api/v1/conversations/${id}/stream`, { token: given }));
      answers.push(await api(service, 'POST', '/api/v1/bots/demo/messages', { token: given, body: { conversationId: id, text: 'hello?' } }));
    }
    const first = answers[0]!;
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('unauthorized');
    for (const answer of answers) expect(answer).toEqual(first);
    // and nothing was written to the conversation the wrong tokens aimed at
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.messages.map((message: { text: string }) => message.text)).not.toContain('hello?');
  });
});

describe('/metrics with a token', () => {
  let service: RunningService;
  let lines: Array<{ level: number; msg: string }>;
  beforeAll(async () => {
    const captured = capturedLog();
    lines = captured.lines;
    service = await start({ mongodbUri: testDatabaseUri(), metricsToken: METRICS_TOKEN, log: captured.log });
  });

  it('refuses wrong tokens of any length with 401 and serves the right one', async () => {
    for (const header of ['', 'Bearer', 'Bearer x', `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Bearer ${METRICS_TOKEN}x`, `Bearer ${'y'.repeat(5_000)}`, `Basic ${METRICS_TOKEN}`]) {
      const response = await fetch(`${service.url}/metrics`, { headers: header ? { authorization: header } : {} });
      expect(response.status, header.slice(0, 20)).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await scrape(service, METRICS_TOKEN)).status).toBe(200);
    expect(lines.some((line) => line.msg.includes('HANDOVER_METRICS_TOKEN is not set'))).toBe(false);
  });

  it('shows the outbox backlog as read at most once per window, whoever scrapes', async () => {
    const series = 'handover_outbox_backlog{target="hardening-test",state="failed"}';
    expect(sample((await scrape(service, METRICS_TOKEN)).text, series)).toBeNull();
    const now = new Date();
    await service.mongo.store.outbox.create({ _id: `ob_${now.getTime()}`, target: 'hardening-test', kind: 'test', event: {}, orderKey: 'hardening-test:cv', nextAt: now, state: 'failed', queuedAt: now });
    // the second scrape within the window reuses the first one's read: a read now would count the new row
    expect(sample((await scrape(service, METRICS_TOKEN)).text, series)).toBeNull();
  });
});

describe('the outbox gauge', () => {
  it('costs one outbox read for any number of scrapes within 15 s, and reads again after', async () => {
    let rows = [{ target: 'slack', state: 'pending' }];
    const find = vi.fn(() => ({ lean: async () => rows }));
    const store = { outbox: { find } } as unknown as HandoverStore;
    const prometheus = createPrometheusMetrics({ outbox: mongoOutbox(store), conversations: { countWithStatus: async () => 0 } as unknown as ConversationRepository });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await Promise.all([prometheus.registry.metrics(), prometheus.registry.metrics()]);
      const text = await prometheus.registry.metrics();
      expect(find).toHaveBeenCalledTimes(1);
      expect(sample(text, 'handover_outbox_backlog{target="slack",state="pending"}')).toBe(1);

      rows = [{ target: 'slack', state: 'pending' }, { target: 'teams', state: 'failed' }];
      vi.setSystemTime(Date.now() + 15_001);
      const later = await prometheus.registry.metrics();
      expect(find).toHaveBeenCalledTimes(2);
      expect(sample(later, 'handover_outbox_backlog{target="teams",state="failed"}')).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
