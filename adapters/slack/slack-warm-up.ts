import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Logger } from 'pino';

/** The warm-up's own button: its listener only acknowledges (see slack-adapter.ts). */
export const WARM_UP_ACTION = 'handover_warm_up';

export interface SlackWarmUpOptions {
  signingSecret: string;
  /**
   * Send signed clicks on WARM_UP_ACTION too (one workspace only): they run
   * the path a Claim click's acknowledgement takes (the form body, Bolt's
   * authorization from its cached auth.test, middleware, listener matching,
   * ack). With installations per workspace, authorization would read the
   * database: challenges only.
   */
  clicks?: boolean;
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
 * sends its own `/slack/events` signed requests over loopback:
 * `url_verification` challenges (Bolt answers them in the receiver) and,
 * with `clicks`, clicks on a button of its own whose listener only
 * acknowledges. Neither touches data. Bounded in time, and never fails the start.
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
        // alternate, so both kinds run even when the budget cuts the warm-up short
        const click = options.clicks === true && outcome.sent % 2 === 0;
        if (await answers(endpoint, agent, options.signingSecret, budgetMs, click ? warmUpClick() : warmUpChallenge())) outcome.answered += 1;
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

interface WarmUpRequest {
  body: string;
  contentType: string;
  /** What a 200 answer must contain, if anything. */
  echo: string;
}

function warmUpChallenge(): WarmUpRequest {
  const challenge = randomUUID();
  return { body: JSON.stringify({ token: 'warm-up', challenge, type: 'url_verification' }), contentType: 'application/json', echo: challenge };
}

/** A click as Slack sends one (a form field `payload` holding the JSON), on the warm-up's own button. */
function warmUpClick(): WarmUpRequest {
  const payload = {
    type: 'block_actions',
    token: 'warm-up',
    api_app_id: 'A_WARM_UP',
    team: { id: 'T_WARM_UP', domain: 'warm-up' },
    user: { id: 'U_WARM_UP', username: 'warm-up', name: 'warm-up', team_id: 'T_WARM_UP' },
    trigger_id: 'warm-up',
    container: { type: 'message', message_ts: '0.0', channel_id: 'C_WARM_UP', is_ephemeral: false },
    channel: { id: 'C_WARM_UP', name: 'warm-up' },
    actions: [{ type: 'button', action_id: WARM_UP_ACTION, block_id: 'warm-up', value: randomUUID(), action_ts: '0.0', text: { type: 'plain_text', text: 'Warm up' } }],
  };
  return { body: `payload=${encodeURIComponent(JSON.stringify(payload))}`, contentType: 'application/x-www-form-urlencoded', echo: '' };
}

/** One request signed as Slack signs (v0, timestamp, body); true when answered 200 (echoing the challenge, for a challenge). */
function answers(endpoint: URL, agent: Agent, signingSecret: string, timeoutMs: number, { body, contentType, echo }: WarmUpRequest): Promise<boolean> {
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
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(response.statusCode === 200 && text.includes(echo)));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('warm-up challenge timed out')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
