import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Logger } from 'pino';

export interface SlackWarmUpOptions {
  signingSecret: string;
  log: Logger;
  /** How many challenges in all; default 40. */
  requests?: number;
  /** How many at once; default 8. */
  concurrency?: number;
  /** The warm-up stops starting new challenges after this long; default 800 ms. */
  budgetMs?: number;
}

export interface SlackWarmUpOutcome {
  sent: number;
  answered: number;
}

/**
 * The first Slack requests after a start run Express into Bolt's receiver
 * (body read, signature check, JSON parse) on cold code, so the first burst
 * of clicks is acknowledged late. Before the service calls itself ready it
 * sends its own `/slack/events` signed `url_verification` challenges over
 * loopback: Bolt answers them in the receiver and they reach no listener
 * and no data. Bounded in time, and never fails the start.
 */
export async function warmSlackReceiver(serviceUrl: string, options: SlackWarmUpOptions): Promise<SlackWarmUpOutcome> {
  const total = options.requests ?? 40;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, total));
  const budgetMs = options.budgetMs ?? 800;
  const endpoint = new URL('/slack/events', serviceUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const startedAt = performance.now();
  const outcome: SlackWarmUpOutcome = { sent: 0, answered: 0 };
  let firstFailure: string | null = null;
  const worker = async () => {
    while (outcome.sent < total && performance.now() - startedAt < budgetMs) {
      outcome.sent += 1;
      try {
        if (await answersChallenge(endpoint, agent, options.signingSecret, budgetMs)) outcome.answered += 1;
      } catch (error) {
        firstFailure ??= (error as Error).message;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const ms = Math.round(performance.now() - startedAt);
  if (firstFailure || outcome.answered < outcome.sent) options.log.debug({ ...outcome, ms, error: firstFailure }, 'slack warm-up: some challenges went unanswered');
  options.log.info({ requests: outcome.sent, answered: outcome.answered, ms }, 'slack receiver warmed up');
  return outcome;
}

/** One signed challenge, signed as Slack signs (v0, timestamp, body); true when the receiver echoed it. */
function answersChallenge(endpoint: URL, agent: Agent, signingSecret: string, timeoutMs: number): Promise<boolean> {
  const challenge = randomUUID();
  const body = JSON.stringify({ token: 'warm-up', challenge, type: 'url_verification' });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      endpoint,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(response.statusCode === 200 && text.includes(challenge)));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('warm-up challenge timed out')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
