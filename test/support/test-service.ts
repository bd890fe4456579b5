import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { inject } from 'vitest';
import { startService, type RunningService, type ServiceOptions } from '../../adapters/server/start-service.js';

/** A database of its own for each test file, on the run's shared FerretDB. */
export function testDatabaseUri(): string {
  return `${inject('mongodbUri')}t_${randomBytes(6).toString('hex')}`;
}

/** The real service, in process, on a free port. */
export function startTestService(overrides: Partial<ServiceOptions> & { mongodbUri: string }): Promise<RunningService> {
  return startService({
    port: 0,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    rateLimitPerMinute: 100_000,
    jobPollMs: 100,
    demoSlackChannel: null,
    botConfigs: [],
    ...overrides,
  });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** JSON over HTTP, as a customer's client would send it. */
export async function api<T = any>(
  service: { url: string },
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Waits for a condition, never a fixed sleep. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Waits for the sweep of the capacity queue that Agenda runs as the service
 * starts (then every minute) to have finished: a test that gives out waiting
 * conversations itself would otherwise race it for them.
 */
export async function capacitySweepAtStartDone(service: RunningService): Promise<void> {
  const jobs = service.mongo.store.connection.db!.collection('agendaJobs');
  await waitFor(async () => jobs.findOne({ name: 'capacity-queue', lastFinishedAt: { $type: 'date' } }));
}
