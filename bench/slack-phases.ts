import { percentile, runLoad } from './load.js';
import type { BenchHttpClient } from './http-client.js';
import { blockActionBody, signedHeaders, type startSlackStandIn } from '../test/slack/slack-stand-in.js';

type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;

/**
 * From the customer's "talk to a human" to the Slack stand-in receiving the
 * escalation post, `concurrency` customers asking at once, each again as
 * soon as their post arrived. A warm-up round goes first and is not counted,
 * as in the turn and ceiling phases: the first escalations after another
 * phase were the slowest of a run (up to 143 ms, where the rest of the
 * phase stayed under 115).
 */
export async function escalationLatency(http: BenchHttpClient, serviceUrl: string, slack: SlackStandIn, count: number, concurrency: number) {
  const latencies: number[] = [];
  const posts = escalationPosts(slack);
  const escalate = async (counted: boolean) => {
    const started = performance.now();
    const response = await http.postJson(`${serviceUrl}/api/v1/bots/demo/messages`, { text: 'I want to talk to a human' });
    const { conversationId } = JSON.parse(response.body) as { conversationId: string };
    const at = await posts.postedAt(conversationId, 10_000);
    if (at === undefined) return false;
    if (counted) latencies.push(at - started);
    return true;
  };
  try {
    await runLoad(Math.max(concurrency, Math.round(count / 10)), concurrency, () => escalate(false));
    await runLoad(count, concurrency, () => escalate(true));
  } finally {
    posts.stop();
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), delivered: latencies.length };
}

/**
 * When the stand-in received each conversation's escalation post, told by
 * the stand-in as each call arrives: polling its calls (every 2 ms per
 * customer) spent the bench's CPU on the two cores the service and the
 * database share.
 */
function escalationPosts(slack: SlackStandIn) {
  const posted = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const stop = slack.onCall((call) => {
    if (call.method !== 'chat.postMessage' || call.args.thread_ts || call.status !== 200) return;
    const id = JSON.stringify(call.args.blocks ?? '').match(/cv_[\w-]{16}/)?.[0];
    if (!id || posted.has(id)) return;
    posted.set(id, call.at);
    waiting.get(id)?.(call.at);
  });
  const postedAt = (conversationId: string, timeoutMs: number) =>
    new Promise<number | undefined>((resolve) => {
      const at = posted.get(conversationId);
      if (at !== undefined) return resolve(at);
      const timer = setTimeout(() => {
        waiting.delete(conversationId);
        resolve(undefined);
      }, timeoutMs);
      waiting.set(conversationId, (postAt) => {
        clearTimeout(timer);
        waiting.delete(conversationId);
        resolve(postAt);
      });
    });
  return { postedAt, stop };
}

/**
 * Many staff click Claim at once: how fast is each click acknowledged, and
 * how many win? Winners are the clickers not told "already claimed" once
 * the dust settles (the claim itself runs after the acknowledgement). The
 * losers' "already claimed" arrives later than the acknowledgement: `told`
 * is the time from the burst's start to each loser's message at Slack,
 * what the people clicking see.
 */
export async function simultaneousClaims(http: BenchHttpClient, serviceUrl: string, slack: SlackStandIn, clicks: number, conversationId: string, round: string) {
  const clicker = `U_BENCH${round}_`;
  const acks: number[] = [];
  // built and signed before the clock starts: Slack sends them from its own machines, and in the
  // first round the bench's own first signing of them was counted in every click's time
  const requests = Array.from({ length: clicks }, (_, i) => {
    const body = blockActionBody('handover_claim', conversationId, { id: `${clicker}${i}`, name: `bench${round}${i}` });
    return { body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') };
  });
  const burstStarted = performance.now();
  await Promise.all(
    requests.map(async ({ body, headers }) => {
      const started = performance.now();
      const response = await http.post(`${serviceUrl}/slack/events`, body, headers);
      if (response.status === 200) acks.push(performance.now() - started);
    }),
  );
  acks.sort((a, b) => a - b);
  const toldAt = () => {
    const first = new Map<unknown, number>();
    for (const call of slack.calls) {
      // after the burst started: the same clickers may have been told in an earlier burst (run-claims --known-staff)
      if (call.at < burstStarted || call.method !== 'chat.postEphemeral' || !String(call.args.user).startsWith(clicker) || !String(call.args.text).includes('Already claimed')) continue;
      if (!first.has(call.args.user)) first.set(call.args.user, call.at - burstStarted);
    }
    return [...first.values()];
  };
  const deadline = performance.now() + 15_000;
  while (toldAt().length < clicks - 1 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const told = toldAt().sort((a, b) => a - b);
  return {
    p50: percentile(acks, 0.5),
    p99: percentile(acks, 0.99),
    acknowledged: acks.length,
    winners: clicks - told.length,
    toldP50: percentile(told, 0.5),
    toldP99: percentile(told, 0.99),
  };
}
