import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { teamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { signedHeaders } from '../slack/slack-stand-in.js';
import { startSlackService } from '../support/slack-service.js';

const SHOP = 'https://shop.example.com';
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startSlackService({
    service: { widgetOrigins: [SHOP] },
    otherAdapters: [teamsAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: true, admins: [], log: pino({ level: 'silent' }) })],
  }));
});
afterAll(() => stop?.());

describe('the chat page and the widget', () => {
  it('serves the page with a strict CSP that lets only allowed sites frame it', async () => {
    const page = await fetch(`${service.url}/?bot=demo`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-ancestors 'self' ${SHOP}`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const widget = await fetch(`${service.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toContain('iframe');
  });

  it('gives data answers the headers a JSON API needs, and no page headers or ETag', async () => {
    const answer = await fetch(`${service.url}/api/v1/bots/demo`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
    expect(answer.headers.get('etag')).toBeNull();
    expect(answer.headers.get('x-powered-by')).toBeNull();
    const page = await fetch(`${service.url}/?bot=demo`);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('answers CORS only for allowed origins', async () => {
    const allowed = await fetch(`${service.url}/api/v1/bots/demo/messages`, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    const refused = await fetch(`${service.url}/api/v1/bots/demo/messages`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${service.url}/api/v1/bots/demo`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** Deterministic pseudo-random bytes, so a failure can be replayed. */
function* generator(seed: number) {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state;
  }
}

function junkPayloads(seed: number): Array<{ body: string; type: string }> {
  const random = generator(seed);
  const next = () => random.next().value as number;
  const values: unknown[] = [null, true, 0, -1, 1e308, '', 'x'.repeat(70_000), [], {}, [[[[[]]]]], { text: null }, { text: 42 }, { text: ['a'] }, { text: 'ok', conversationId: { $gt: '' } }, { text: 'ok', messageId: '../../etc' }, { text: 'ok', customer: { email: 'nope' } }, { __proto__: { admin: true }, text: 'hi' }, { helpful: 'yes' }];
  const payloads = values.map((value) => ({ body: JSON.stringify(value), type: 'application/json' }));
  for (let i = 0; i < 30; i += 1) payloads.push({ body: Buffer.from(Array.from({ length: next() % 300 }, () => next() % 256)).toString('latin1'), type: ['application/json', 'text/plain', 'application/x-www-form-urlencoded'][next() % 3]! });
  payloads.push({ body: '{"text": "unterminated', type: 'application/json' }, { body: 'payload=%7B%22type%22%3A%22block_actions%22', type: 'application/x-www-form-urlencoded' });
  return payloads;
}

describe('fuzzing every public endpoint', () => {
  it('answers random and malformed payloads with 4xx, never 5xx, and stays up', async () => {
    const endpoints = [
      { method: 'POST', path: '/api/v1/bots/demo/messages' },
      { method: 'POST', path: '/api/v1/bots/no-such-bot/messages' },
      { method: 'POST', path: `/api/v1/conversations/cv_${randomBytes(12).toString('base64url').slice(0, 16)}/feedback` },
      { method: 'POST', path: '/api/v1/conversations/%00%ff/feedback' },
      { method: 'GET', path: '/api/v1/conversations/../../etc/passwd' },
      { method: 'POST', path: '/api/messages' },
      { method: 'POST', path: '/slack/events', signed: false },
      { method: 'POST', path: '/slack/events', signed: true },
    ];
    const statuses = new Map<string, number[]>();
    const requests = endpoints.flatMap((endpoint, index) => junkPayloads(index + 1).map((payload) => ({ endpoint, payload })));
    // many at once: an unanswered Slack interaction waits Bolt's 3 s before its answer
    const send = async ({ endpoint, payload }: (typeof requests)[number]) => {
      const headers: Record<string, string> = endpoint.signed ? signedHeaders(payload.body, payload.type) : { 'content-type': payload.type };
      const key = `${endpoint.method} ${endpoint.path}${endpoint.signed ? ' (signed)' : ''}`;
      const status = await fetch(`${service.url}${endpoint.path}`, {
        method: endpoint.method,
        headers,
        body: endpoint.method === 'GET' ? undefined : payload.body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => (await response.text(), response.status),
        () => 999, // no answer within 10 s
      );
      statuses.set(key, [...(statuses.get(key) ?? []), status]);
    };
    for (let i = 0; i < requests.length; i += 50) await Promise.all(requests.slice(i, i + 50).map(send));
    const serverErrors = [...statuses].flatMap(([key, codes]) => codes.filter((code) => code >= 500).map((code) => `${key} → ${code}`));
    expect(serverErrors).toEqual([]);
    // unsigned Slack requests and junk activities are refused, not ignored
    expect(new Set(statuses.get('POST /slack/events'))).toEqual(new Set([401]));
    expect(statuses.get('POST /api/messages')!.every((code) => code >= 400 && code < 500)).toBe(true);
    // (a junk object can still be a valid message: `{"text":"hi"}` is answered)
    expect(statuses.get('POST /api/v1/bots/demo/messages')!.filter((code) => code >= 400 && code < 500).length).toBeGreaterThan(40);
    expect([...statuses.values()].flat()).not.toContain(999); // every request was answered within 10 s
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
