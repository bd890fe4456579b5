import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../adapters/slack/slack-adapter.js';
import { api } from '../support/test-service.js';
import { startSlackService } from '../support/slack-service.js';
import { SIGNING_SECRET } from './slack-stand-in.js';

/** A pino logger whose lines the test reads back. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, destination), lines };
}

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

/** Signed url_verification challenges answered on /slack/events, read from the service's own /metrics. */
async function answeredChallenges(service: { url: string }): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith('handover_http_request_duration_seconds_count{') && row.includes('method="POST"') && row.includes('route="/slack/events"') && row.includes('status="200"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('Slack warm-up at start', () => {
  it('a service with Slack over HTTP has answered its own signed challenges before it says ready, and says so in one info line', async () => {
    const { log, lines } = capturedLog();
    const { service, stop } = await startSlackService({ slackAdapter: { log } });
    stops.push(stop);

    // ready as soon as startService returns: the warm-up ran before
    expect((await api(service, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    const line = lines.find((entry) => entry.msg === 'slack receiver warmed up');
    expect(line).toMatchObject({ level: 30, adapter: 'slack' });
    expect(line!.requests).toBeGreaterThanOrEqual(10);
    expect(line!.answered).toBe(line!.requests);
    expect(await answeredChallenges(service)).toBe(line!.answered);
    // no secret in what was logged
    expect(JSON.stringify(lines)).not.toContain(SIGNING_SECRET);
  });

  it('a Slack adapter in Socket Mode has no warm-up to run (no endpoint of ours)', async () => {
    const { service, slack, stop } = await startSlackService();
    stops.push(stop);
    const { log, lines } = capturedLog();
    const socketMode = await slackAdapter({ botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: slack.url, admins: [], log })(service.ctx);

    expect(socketMode.afterListen).toBeUndefined();
    expect(socketMode.mounts).toEqual([]);
    expect(lines.find((entry) => entry.msg === 'slack receiver warmed up')).toBeUndefined();
  });
});
