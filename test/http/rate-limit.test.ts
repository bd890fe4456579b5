import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri(), rateLimitPerMinute: 6 });
});
afterAll(async () => {
  await service?.stop();
});

describe('rate limit per client', () => {
  it('answers a flood with 429, a message and Retry-After, and keeps health checks out of it', async () => {
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 15; i += 1) {
      const response = await fetch(`${service.url}/api/v1/bots/demo`);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(10)).toContain(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await api(service, 'GET', '/healthz')).status).toBe(200);
  });
});
