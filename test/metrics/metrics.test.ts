import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { metricSample as sample, scrapeMetrics } from '../support/metrics-scrape.js';

const TOKEN = 'metrics-token-for-tests';
let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri(), metricsToken: TOKEN });
});
afterAll(async () => {
  await service?.stop();
});

const scrape = (token: string | null = TOKEN) => scrapeMetrics(service, token);

describe('/metrics', () => {
  it('refuses a scrape without the token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-of-some-length')).status).toBe(401);
  });

  it('counts handovers by trigger, times claims and resolutions, and shows what is open and the HTTP latency by route', async () => {
    const first = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a person' } });
    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'can I speak with a human' } });
    await api(service, 'GET', '/api/v1/nothing-here');
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U_METRICS' }, { name: 'Mo' }, OPERATOR_TENANT);
    await claimConversation(service.ctx, first.body.conversationId, agent);
    await resolveConversation(service.ctx, first.body.conversationId, agent);

    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(sample(text, 'handover_handovers_total{bot="demo",trigger="contact_request"}')).toBe(2);
    expect(sample(text, 'handover_time_to_claim_seconds_count{bot="demo"}')).toBe(1);
    expect(sample(text, 'handover_time_to_resolve_seconds_count{bot="demo",how="resolved"}')).toBe(1);
    expect(sample(text, 'handover_open_escalations{status="waiting"}')).toBe(1);
    expect(sample(text, 'handover_http_request_duration_seconds_count{method="POST",route="/api/v1/bots/:botId/messages",status="200"}')).toBe(2);
    expect(sample(text, 'handover_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(text).toContain('handover_process_resident_memory_bytes');
  });

  it('labels a route alike whatever it answers, and counts a live stream as a 200 once it is open', async () => {
    const route = 'route="/api/v1/bots/:botId"';
    const before = await scrape();
    const count = (text: string, labels: string) => sample(text, `handover_http_request_duration_seconds_count{${labels}}`) ?? 0;
    await api(service, 'GET', '/api/v1/bots/demo');
    await api(service, 'GET', '/api/v1/bots/no-such-bot');
    await api(service, 'GET', '/api/v1/bots/%E0%A4%A');
    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'x'.repeat(70_000) } });
    const { text } = await scrape();
    expect(count(text, `method="GET",${route},status="200"`) - count(before.text, `method="GET",${route},status="200"`)).toBe(1);
    expect(count(text, `method="GET",${route},status="404"`) - count(before.text, `method="GET",${route},status="404"`)).toBe(1);
    expect(count(text, `method="GET",${route},status="400"`) - count(before.text, `method="GET",${route},status="400"`)).toBe(1);
    expect(count(text, 'method="POST",route="/api/v1/bots/:botId/messages",status="413"')).toBe(1);
    expect(text).not.toMatch(/route="(\/bots\/:botId|\/api\/v1)"/);

    const started = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Hello' } });
    const leave = new AbortController();
    const stream = await fetch(`${service.url}/api/v1/conversations/${started.body.conversationId}/stream`, { headers: { authorization: `Bearer ${started.body.token}` }, signal: leave.signal });
    expect(stream.status).toBe(200);
    const streams = 'method="GET",route="/api/v1/conversations/:id/stream",status="200"';
    try {
      // counted while it is still open
      await waitFor(async () => count((await scrape()).text, streams) === 1);
    } finally {
      leave.abort();
    }
  });

  it('labels a rate-limited request (429) with the route it was for', async () => {
    const limited = await startTestService({ mongodbUri: testDatabaseUri(), metricsToken: TOKEN, rateLimitPerMinute: 6 });
    try {
      const statuses = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await api(limited, 'GET', '/api/v1/bots/demo')).status);
      expect(statuses).toContain(429);
      const text = await (await fetch(`${limited.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const series = (status: number) => sample(text, `handover_http_request_duration_seconds_count{method="GET",route="/api/v1/bots/:botId",status="${status}"}`);
      expect(series(200)).toBe(statuses.filter((status) => status === 200).length);
      expect(series(429)).toBe(statuses.filter((status) => status === 429).length);
    } finally {
      await limited.stop();
    }
  });

  it('names only counters *_total, and passes promtool check metrics when promtool is installed', async () => {
    const { text } = await scrape();
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name: name!, type: type! }));
    expect(types.length).toBeGreaterThan(10);
    expect(types.filter(({ name, type }) => name.endsWith('_total') && type !== 'counter')).toEqual([]);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    if (promtool.error) return; // no promtool here (Debian: apt-get install prometheus)
    expect(`${promtool.stdout}${promtool.stderr}`.trim()).toBe('');
    expect(promtool.status).toBe(0);
  });
});
